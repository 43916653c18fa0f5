package io.relaycast.domain.model;

/** A window into a list: limit 1–200, offset ≥ 0. */
public record PageRequest(int limit, int offset) {

    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ").");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset must be 0 or more (was " + offset + ").");
        }
    }

    /** Missing values take the defaults the REST contract documents. */
    public static PageRequest of(Integer limit, Integer offset, int defaultLimit) {
        return new PageRequest(limit == null ? defaultLimit : limit, offset == null ? 0 : offset);
    }
}
