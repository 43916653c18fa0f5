package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A stream's tags: up to ten short words (letters, digits, inner hyphens), lower-cased, each once. */
public final class Tags {

    public static final int MAX_TAGS = 10;
    public static final int MAX_LENGTH = 24;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");

    private Tags() {
    }

    /** The tags as stored: normalized, in the order given, duplicates dropped. */
    public static List<String> of(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            out.add(tag(t));
        }
        if (out.size() > MAX_TAGS) {
            throw new InvalidInputException("A stream has at most " + MAX_TAGS + " tags.");
        }
        return new ArrayList<>(out);
    }

    /** One tag as stored, e.g. for a listing filter; refused when it could not be one. */
    public static String tag(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_LENGTH || !WORD.matcher(t).matches()) {
            throw new InvalidInputException("A tag is one short word of letters and digits (inner hyphens allowed), "
                    + "at most " + MAX_LENGTH + " characters.");
        }
        return t;
    }
}
