package io.relaycast.interfaces.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of YAML that docs/asyncapi.yaml is written in, read into ordered {@code Map}s, {@code List}s
 * and {@code String}s (scalars stay text; an empty value is {@code null}): block mappings and sequences,
 * flow mappings and sequences (also over several lines), plain and quoted scalars, folded ({@code >})
 * and literal ({@code |}) block scalars, comments outside flow collections. Anything else (anchors,
 * aliases, tags, tabs, escapes, a duplicate key, a quoted or plain scalar over several lines, stray
 * indentation) is an error naming the line, never a guess: a test must not pass on a misreading.
 */
final class YamlSubset {

    private final String[] raw;
    private int pos;
    private StringBuilder buf; // a flow collection being read, grown line by line as needed
    private int at;

    private YamlSubset(String text) {
        raw = text.split("\r?\n", -1);
    }

    static Object parse(String text) {
        YamlSubset y = new YamlSubset(text);
        Object root = y.node(0);
        y.skip();
        if (y.pos < y.raw.length) {
            throw y.error(y.pos, "unexpected indentation");
        }
        return root;
    }

    private void skip() {
        while (pos < raw.length && (raw[pos].isBlank() || raw[pos].stripLeading().startsWith("#"))) {
            pos++;
        }
    }

    private int indent(int line) {
        String text = raw[line].stripLeading();
        if (!raw[line].startsWith(" ".repeat(raw[line].length() - text.length()))) {
            throw error(line, "a tab in the indentation");
        }
        return raw[line].length() - text.length();
    }

    private boolean isItem(int line) {
        String t = raw[line].strip();
        return t.equals("-") || t.startsWith("- ");
    }

    /** The block node on the next lines if indented at least {@code minIndent}, else null (an empty value). */
    private Object node(int minIndent) {
        skip();
        if (pos >= raw.length || indent(pos) < minIndent) {
            return null;
        }
        int indent = indent(pos);
        return isItem(pos) ? sequence(indent) : mapping(indent);
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (skip(); pos < raw.length && indent(pos) >= indent; skip()) {
            if (indent(pos) > indent || isItem(pos)) {
                throw error(pos, "unexpected indentation");
            }
            int line = pos;
            String text = raw[pos++].substring(indent);
            int colon = keyEnd(text);
            if (colon < 0) {
                throw error(line, "expected 'key: value'");
            }
            String key = scalar(text.substring(0, colon).strip(), line);
            if (map.containsKey(key)) {
                throw error(line, "duplicate key '" + key + "'");
            }
            map.put(key, value(text.substring(colon + 1), indent, line));
        }
        return map;
    }

    private List<Object> sequence(int indent) {
        List<Object> list = new ArrayList<>();
        for (skip(); pos < raw.length && indent(pos) == indent && isItem(pos); skip()) {
            int line = pos;
            String rest = raw[pos].substring(indent + 1);
            String content = rest.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                pos++;
                list.add(node(indent + 1));
            } else if (keyEnd(content) >= 0) { // "- key: value": a mapping whose first line is the item's
                int column = indent + 1 + rest.length() - content.length();
                raw[pos] = " ".repeat(column) + content;
                list.add(mapping(column));
            } else {
                pos++;
                list.add(value(content, indent, line));
            }
        }
        return list;
    }

    /** Where the key of {@code key: value} ends (its colon), or -1 if the text is not one. */
    private static int keyEnd(String text) {
        int from = 0;
        if (text.startsWith("'") || text.startsWith("\"")) {
            from = closingQuote(text, 0) + 1;
            if (from == 0) {
                return -1;
            }
        } else if (text.startsWith("{") || text.startsWith("[")) {
            return -1;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == '#' && i > 0 && text.charAt(i - 1) == ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** What follows {@code key:} (or {@code - }) on line {@code line}, and the lines that belong to it. */
    private Object value(String rest, int indent, int line) {
        String v = rest.strip();
        if (v.isEmpty() || v.startsWith("#")) {
            skip();
            if (pos < raw.length && indent(pos) == indent && isItem(pos)) {
                return sequence(indent); // "key:" followed by "- item" at the key's own indentation
            }
            return node(indent + 1);
        }
        char c = v.charAt(0);
        if (c == '>' || c == '|') {
            return blockScalar(v, indent, line);
        }
        if (c == '{' || c == '[') {
            return flow(v);
        }
        return scalar(v, line);
    }

    private String blockScalar(String header, int indent, int line) {
        if (!header.matches("[>|]-?(\\s+#.*)?")) {
            throw error(line, "unsupported block scalar header '" + header + "'");
        }
        List<String> content = new ArrayList<>();
        for (int blockIndent = -1; pos < raw.length && (raw[pos].isBlank() || indent(pos) > indent); pos++) {
            blockIndent = blockIndent < 0 && !raw[pos].isBlank() ? indent(pos) : blockIndent;
            boolean folded = header.charAt(0) == '>';
            if (!raw[pos].isBlank() && (indent(pos) < blockIndent || folded && indent(pos) > blockIndent)) {
                throw error(pos, "indented unlike the block scalar's first line");
            }
            content.add(raw[pos].isBlank() ? "" : raw[pos].substring(blockIndent));
        }
        while (!content.isEmpty() && content.get(content.size() - 1).isEmpty()) {
            content.remove(content.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) { // folded: a break between two lines is a space, a blank line one
            if (i > 0) {
                boolean literal = header.charAt(0) == '|';
                text.append(literal || content.get(i).isEmpty() ? "\n" : content.get(i - 1).isEmpty() ? "" : " ");
            }
            text.append(content.get(i));
        }
        return header.startsWith("-", 1) || text.isEmpty() ? text.toString() : text + "\n";
    }

    /** A scalar on one line: quoted (then nothing but a comment may follow) or plain (up to a comment). */
    private String scalar(String v, int line) {
        char c = v.charAt(0);
        if (c == '\'' || c == '"') {
            int end = closingQuote(v, 0);
            if (end < 0 || !(v.substring(end + 1).isBlank() || v.substring(end + 1).matches("\\s+#.*"))) {
                throw error(line, "a quoted scalar must close on its line, followed by nothing: " + v);
            }
            return unquote(v.substring(0, end + 1), line);
        }
        if ("{}[]&*!|>%@`,".indexOf(c) >= 0) {
            throw error(line, "unsupported '" + c + "' starting " + v);
        }
        int comment = v.indexOf(" #");
        return (comment < 0 ? v : v.substring(0, comment)).strip();
    }

    /** The closing quote of the quoted scalar opening at {@code open} ('' is a quote in single quotes), or -1. */
    private static int closingQuote(CharSequence s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == s.charAt(open)) {
                if (s.charAt(open) == '"' || i + 1 == s.length() || s.charAt(i + 1) != '\'') {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /** Quoted text without its quotes; escapes in double quotes are refused (asyncapi.yaml needs none). */
    private String unquote(String quoted, int line) {
        String body = quoted.substring(1, quoted.length() - 1);
        if (quoted.charAt(0) == '"' && body.indexOf('\\') >= 0) {
            throw error(line, "unsupported escape in " + quoted);
        }
        return quoted.charAt(0) == '\'' ? body.replace("''", "'") : body;
    }

    /** A flow collection starting on the current line; errors name the line being read. */
    private Object flow(String v) {
        buf = new StringBuilder(v);
        at = 0;
        Object o = flowNode();
        if (!buf.substring(at).matches("\\s*(#.*)?")) {
            throw error(pos - 1, "unexpected '" + buf.substring(at).strip() + "' after a flow collection");
        }
        return o;
    }

    /** The next character that is not a space or a line break, pulling in the collection's next lines. */
    private char peek() {
        while (at >= buf.length() || buf.charAt(at) == ' ' || buf.charAt(at) == '\n') {
            if (at < buf.length()) {
                at++;
            } else if (pos < raw.length) {
                buf.append('\n').append(raw[pos++]);
            } else {
                throw error(pos - 1, "unclosed flow collection");
            }
        }
        return buf.charAt(at);
    }

    private Object flowNode() {
        char open = peek();
        if (open != '{' && open != '[') {
            return flowScalar();
        }
        at++;
        char close = open == '{' ? '}' : ']';
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        while (peek() != close) {
            if (open == '{') {
                String key = flowScalar();
                if (peek() != ':' || map.containsKey(key)) {
                    throw error(pos - 1, "expected one ':' after '" + key + "' and no duplicate key in a flow mapping");
                }
                at++;
                map.put(key, peek() == ',' || peek() == '}' ? null : flowNode());
            } else {
                list.add(flowNode());
            }
            if (peek() == ',') {
                at++;
            } else if (peek() != close) {
                throw error(pos - 1, "expected ',' or '" + close + "' in a flow collection, found '" + peek() + "'");
            }
        }
        at++;
        return open == '{' ? map : list;
    }

    /** A quoted scalar (closed on its line) or a plain one (up to , [ ] { } a line break or ": "). */
    private String flowScalar() {
        char c = peek();
        int line = pos - 1;
        if (c == '\'' || c == '"') {
            int end = closingQuote(buf, at);
            if (end < 0 || buf.substring(at, end).indexOf('\n') >= 0) {
                throw error(line, "a quoted scalar must close on its line");
            }
            String s = unquote(buf.substring(at, end + 1), line);
            at = end + 1;
            return s;
        }
        if ("{}[],&*!|>%@`#:".indexOf(c) >= 0) {
            throw error(line, "unexpected '" + c + "' in a flow collection (comments are not supported there)");
        }
        int start = at;
        while (at < buf.length() && ",[]{}\n#".indexOf(buf.charAt(at)) < 0 && !(buf.charAt(at) == ':'
                && (at + 1 == buf.length() || " ,[]{}\n".indexOf(buf.charAt(at + 1)) >= 0))) {
            at++;
        }
        return buf.substring(start, at).strip();
    }

    private IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("YAML line " + (line + 1) + ": " + message);
    }
}
