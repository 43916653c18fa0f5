package io.relaycast.interfaces.signaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * docs/websocket-protocol.md, read where it names the protocol's vocabulary: the first column of the
 * tables under "## Client → server" and "## Server → client", the sentence "`error` codes: …" under
 * "## Errors", the prose and the example messages (code blocks).
 */
final class ProtocolMd {

    static final String FILE = "docs/websocket-protocol.md";

    private final Map<String, List<String>> sections = new LinkedHashMap<>();
    /** Everything outside code blocks. */
    final String prose;
    /** Everything inside code blocks. */
    final String examples;

    ProtocolMd(String markdown) {
        List<String> current = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            boolean fence = line.startsWith("```");
            fenced ^= fence;
            (fenced || fence ? examples : prose).add(line);
            if (line.startsWith("## ") && !fenced) {
                current = new ArrayList<>();
                sections.put(line.substring(3).strip(), current);
            } else {
                current.add(line);
            }
        }
        this.prose = String.join("\n", prose);
        this.examples = String.join("\n", examples);
    }

    List<String> section(String heading) {
        List<String> lines = sections.get(heading);
        assertTrue(lines != null, FILE + ": no section '## " + heading + "' (there are " + sections.keySet() + ")");
        return lines;
    }

    /** The code spans in the first cell of every body row of the tables under {@code heading}. */
    Set<String> firstColumn(String heading) {
        List<String> lines = section(heading);
        Set<String> names = new TreeSet<>();
        String separator = "\\|[\\s:|-]+\\|\\s*";
        for (int i = 0; i < lines.size(); i++) {
            boolean header = i + 1 < lines.size() && lines.get(i + 1).matches(separator);
            if (lines.get(i).startsWith("|") && !header && !lines.get(i).matches(separator)) {
                Set<String> cell = codeSpans(lines.get(i).split("\\|")[1]);
                assertTrue(!cell.isEmpty(), FILE + ": a row under '## " + heading + "' names no type: " + lines.get(i));
                names.addAll(cell);
            }
        }
        return names;
    }

    /** The code spans of the sentence "`error` codes: … ." under "## Errors", less those in brackets. */
    Set<String> errorCodes() {
        String text = String.join(" ", section("Errors")).replaceAll("\\s+", " ");
        int start = text.indexOf("`error` codes: ");
        assertTrue(start >= 0, FILE + ": no sentence '`error` codes: …' under '## Errors'");
        String codes = text.substring(start + "`error` codes: ".length());
        for (String before = ""; !before.equals(codes); ) { // explanations in (nested) brackets are no codes
            before = codes;
            codes = codes.replaceAll("\\([^()]*\\)", "");
        }
        int end = codes.indexOf(". ");
        return codeSpans(end < 0 ? codes : codes.substring(0, end));
    }

    static Set<String> codeSpans(String markdown) {
        return Pattern.compile("`([^`]+)`").matcher(markdown).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
