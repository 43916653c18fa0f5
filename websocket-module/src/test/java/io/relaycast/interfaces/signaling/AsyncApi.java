package io.relaycast.interfaces.signaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * docs/asyncapi.yaml as {@link YamlSubset} reads it, with the lookups ProtocolDocsTest needs. A part of
 * the wrong shape fails naming it: the test must never pass because it looked in the wrong place.
 */
final class AsyncApi {

    static final String FILE = "docs/asyncapi.yaml";

    final Map<String, Object> root;
    /** Message name → message, of every channel's publish operation: what clients send. */
    final Map<String, Map<String, Object>> publish;
    /** Message name → message, of every channel's subscribe operation: what the server sends. */
    final Map<String, Map<String, Object>> subscribe;

    AsyncApi(String yaml) {
        root = asMap(YamlSubset.parse(yaml), "the document");
        publish = operation("publish");
        subscribe = operation("subscribe");
    }

    /** {@code parent[key]}, which must be a mapping. */
    Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key), "'" + key + "'");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        if (!(node instanceof Map)) {
            throw new AssertionError(FILE + ": " + what + " is not a mapping but " + node);
        }
        return (Map<String, Object>) node;
    }

    private Map<String, Map<String, Object>> operation(String name) {
        Map<String, Map<String, Object>> messages = new LinkedHashMap<>();
        for (Map.Entry<String, Object> channel : map(root, "channels").entrySet()) {
            Object operation = asMap(channel.getValue(), "channel " + channel.getKey()).get(name);
            if (operation == null) {
                continue;
            }
            Map<String, Object> message = map(asMap(operation, channel.getKey() + " " + name), "message");
            Object refs = message.containsKey("oneOf") ? message.get("oneOf") : List.of(message);
            if (!(refs instanceof List<?> list)) {
                throw new AssertionError(FILE + ": oneOf of " + channel.getKey() + " " + name + " is not a list");
            }
            for (Object ref : list) {
                String path = String.valueOf(asMap(ref, channel.getKey() + " " + name + " message").get("$ref"));
                if (messages.put(path.substring(path.lastIndexOf('/') + 1), resolve(path)) != null) {
                    throw new AssertionError(FILE + ": " + path + " twice in " + name);
                }
            }
        }
        return messages;
    }

    /** A local reference, {@code #/components/…}. */
    Map<String, Object> resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError(FILE + ": not a local $ref: " + ref);
        }
        Map<String, Object> node = root;
        for (String segment : ref.substring(2).split("/")) {
            node = asMap(node.get(segment), "$ref " + ref + " (at '" + segment + "')");
        }
        return node;
    }

    /** A schema's properties, its $ref followed and its allOf parts merged. */
    Map<String, Object> properties(Object schema) {
        Map<String, Object> s = asMap(schema, "a payload schema");
        if (s.get("$ref") instanceof String ref) {
            return properties(resolve(ref));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (s.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> properties.putAll(properties(part)));
        }
        if (s.containsKey("properties")) {
            properties.putAll(asMap(s.get("properties"), "properties of " + s));
        }
        return properties;
    }

    /** Message type (the payload's {@code type}: its const, or each of its enum) → the message's name. */
    Map<String, String> types(Map<String, Map<String, Object>> messages) {
        Map<String, String> types = new TreeMap<>();
        messages.forEach((name, message) -> {
            Map<String, Object> type = asMap(properties(message.get("payload")).get("type"),
                    "the 'type' property of message '" + name + "'");
            Object values = type.containsKey("const") ? List.of(type.get("const")) : type.get("enum");
            if (!(values instanceof List<?> list)) {
                throw new AssertionError(FILE + ": message '" + name + "': 'type' has neither a const nor an enum");
            }
            for (Object value : list) {
                String previous = types.put(String.valueOf(value), name);
                if (previous != null) {
                    throw new AssertionError(FILE + ": type '" + value + "' in messages " + previous + " and " + name);
                }
            }
        });
        return types;
    }
}
