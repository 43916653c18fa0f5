/**
 * Errors as RFC 9457 problem bodies, never a stack trace.
 */
package io.relaycast.interfaces.rest.problem;
