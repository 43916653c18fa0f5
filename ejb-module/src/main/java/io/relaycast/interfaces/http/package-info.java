/**
 * The HTTP edge both WARs share (the API and pages in web-module, the signaling handshake in
 * websocket-module): problem bodies written by servlets and filters, security headers, Basic
 * credential checks. It lives in the EJB module only because one WAR cannot see another's classes.
 */
package io.relaycast.interfaces.http;
