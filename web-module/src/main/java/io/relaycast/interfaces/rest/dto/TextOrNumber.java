package io.relaycast.interfaces.rest.dto;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/** A text field that integrators may also send as a number (a price: "€49 / month" or 49.90). */
public class TextOrNumber implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = ctx.deserialize(JsonValue.class, parser);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        throw new JsonbException("expected text or a number");
    }
}
