/**
 * Signing in and out across servers: a session signed out on one node is refused on every node.
 */
package io.relaycast.application.signin;
