package io.relaycast.interfaces.rest;

/**
 * One HTTP byte range ({@code Range: bytes=start-end}, {@code bytes=start-}, {@code bytes=-suffix})
 * resolved against a file size. Multiple ranges are served as the whole file.
 */
public record ByteRange(long start, long end) {

    /** Thrown for a syntactically valid range that does not overlap the file (416). */
    public static final class Unsatisfiable extends RuntimeException {
        public Unsatisfiable() {
            super("The requested range is outside the file.");
        }
    }

    public long length() {
        return end - start + 1;
    }

    /** Null when there is no usable single range: then the whole file is sent with 200. */
    public static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(a);
            long end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (start < 0 || start >= size || end < start) {
                throw new Unsatisfiable();
            }
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
