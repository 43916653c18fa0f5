package io.relaycast.domain.model.shared;

import jakarta.ejb.ApplicationException;

/**
 * A broken business rule. Each subtype says which kind, so that adapters can map it to a
 * protocol status (REST) or error code (WebSocket) without knowing the rule.
 *
 * <p>Marked as an application exception so that EJB services throw it unwrapped and roll back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** A short, stable, machine-readable code such as {@code stream-not-live}. */
    public abstract String code();

    /** A short human title for the kind of failure. */
    public abstract String title();
}
