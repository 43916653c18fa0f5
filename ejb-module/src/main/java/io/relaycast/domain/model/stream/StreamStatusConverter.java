package io.relaycast.domain.model.stream;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores the status as the design documents spell it: scheduled | live | ended. */
@Converter
public class StreamStatusConverter implements AttributeConverter<StreamStatus, String> {

    @Override
    public String convertToDatabaseColumn(StreamStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public StreamStatus convertToEntityAttribute(String value) {
        return value == null ? null : StreamStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
