package io.relaycast.interfaces.rest.dto;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Only JSON true/false (or null) for a boolean field: JSON-B would otherwise read "yes" or "1" as
 * false, silently turning a setting off. Anything else is a 400 via the unreadable-body mapper.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = ctx.deserialize(JsonValue.class, parser);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> throw new JsonbException("expected true or false");
        };
    }
}
