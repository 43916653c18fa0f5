/**
 * Who a signaling socket's caller is.
 */
package io.relaycast.interfaces.security;
