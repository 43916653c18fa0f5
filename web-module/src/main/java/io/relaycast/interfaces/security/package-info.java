/**
 * Who the caller is: roles, the authentication mechanism's configuration, sign-out.
 */
package io.relaycast.interfaces.security;
