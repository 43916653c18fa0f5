package io.relaycast.domain.model.access;

/** The outcome of asking to watch: allowed, sign in first (401), or not allowed (403). */
public enum WatchDecision {
    ALLOWED, SIGN_IN, FORBIDDEN
}
