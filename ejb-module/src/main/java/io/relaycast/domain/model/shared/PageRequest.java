package io.relaycast.domain.model.shared;

/**
 * A window into a list: limit 1–200, offset 0–1,000,000 (so that offset + limit never overflows
 * what the database driver adds up, which would read a whole table).
 */
public record PageRequest(int limit, int offset) {

    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 1_000_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ").");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidInputException("offset must be between 0 and " + MAX_OFFSET + " (was " + offset + ").");
        }
    }

    /** Parses query-string values; missing ones take the defaults the REST contract documents. */
    public static PageRequest parse(String limit, String offset, int defaultLimit) {
        return of(number("limit", limit), number("offset", offset), defaultLimit);
    }

    private static Integer number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number (was '" + raw + "').");
        }
    }

    /** Missing values take the defaults the REST contract documents. */
    public static PageRequest of(Integer limit, Integer offset, int defaultLimit) {
        return new PageRequest(limit == null ? defaultLimit : limit, offset == null ? 0 : offset);
    }
}
