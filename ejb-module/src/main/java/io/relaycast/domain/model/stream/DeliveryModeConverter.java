package io.relaycast.domain.model.stream;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the delivery mode as its wire name (p2p | sfu). */
@Converter
public class DeliveryModeConverter implements AttributeConverter<DeliveryMode, String> {

    @Override
    public String convertToDatabaseColumn(DeliveryMode mode) {
        return mode == null ? null : mode.wireName();
    }

    @Override
    public DeliveryMode convertToEntityAttribute(String value) {
        return value == null ? DeliveryMode.P2P : DeliveryMode.ofWireName(value).orElse(DeliveryMode.P2P);
    }
}
