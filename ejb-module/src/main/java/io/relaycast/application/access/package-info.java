/**
 * Who asks: the caller as an adapter authenticated them ({@code Actor}) and the staff roles the
 * signaling rules need.
 */
package io.relaycast.application.access;
