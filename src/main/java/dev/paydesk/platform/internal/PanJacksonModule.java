package dev.paydesk.platform.internal;

import dev.paydesk.platform.PanBoundary;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string a JSON body carries passes the card-number boundary: string values (of records,
 * lists, maps and untyped {@code Object} members alike, since Jackson uses the registered
 * {@code String} deserializer for all of them) by their member's name, map keys as text.
 */
final class PanJacksonModule {

    private PanJacksonModule() {
    }

    static SimpleModule create(PanBoundary boundary) {
        SimpleModule module = new SimpleModule("paydesk-pan-boundary");
        module.addDeserializer(String.class, new RedactingStrings(boundary));
        module.addKeyDeserializer(String.class, new RedactingKeys(boundary));
        module.addKeyDeserializer(Object.class, new RedactingKeys(boundary));
        return module;
    }

    private static final class RedactingStrings extends StringDeserializer {

        private final transient PanBoundary boundary;

        RedactingStrings(PanBoundary boundary) {
            this.boundary = boundary;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            return value == null ? null : boundary.named(p.currentName(), value);
        }
    }

    private static final class RedactingKeys extends KeyDeserializer {

        private final PanBoundary boundary;

        RedactingKeys(PanBoundary boundary) {
            this.boundary = boundary;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return boundary.text(key);
        }
    }
}
