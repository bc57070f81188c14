package dev.autosdk.bench.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (c), the practical limit of any jackson-core based codec: walking the same bytes token by token with
 * no model at all, and, for encoding, writing a pre-recorded token stream back out.
 */
public final class TokenScan {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TokenScan() {}

    /** Bare scan: every token, no value materialized (jackson-core skips string contents it is not asked for). */
    public static int scan(byte[] json) throws IOException {
        int tokens = 0;
        try (JsonParser p = FACTORY.createParser(json)) {
            while (p.nextToken() != null) tokens++;
        }
        return tokens;
    }

    /** Scan that also materializes every value the way a decoder must (strings, numbers, booleans). */
    public static long scanValues(byte[] json) throws IOException {
        long h = 0;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> h += p.currentName().length();
                    case VALUE_STRING -> h += p.getText().length();
                    case VALUE_NUMBER_INT -> h += p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> h += (long) p.getDoubleValue();
                    case VALUE_TRUE -> h++;
                    default -> {}
                }
            }
        }
        return h;
    }

    /** A recorded token stream, replayed to a generator: the limit of encoding the same document. */
    public static final class Recording {
        private final JsonToken[] tokens;
        private final Object[] values;

        private Recording(JsonToken[] tokens, Object[] values) {
            this.tokens = tokens;
            this.values = values;
        }

        public static Recording of(byte[] json) throws IOException {
            List<JsonToken> ts = new ArrayList<>();
            List<Object> vs = new ArrayList<>();
            try (JsonParser p = FACTORY.createParser(json)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    ts.add(t);
                    vs.add(
                            switch (t) {
                                case FIELD_NAME -> p.currentName();
                                case VALUE_STRING -> p.getText();
                                case VALUE_NUMBER_INT -> p.getLongValue();
                                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                                default -> null;
                            });
                }
            }
            return new Recording(ts.toArray(new JsonToken[0]), vs.toArray());
        }

        public byte[] write() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                for (int i = 0; i < tokens.length; i++) {
                    switch (tokens[i]) {
                        case START_OBJECT -> g.writeStartObject();
                        case END_OBJECT -> g.writeEndObject();
                        case START_ARRAY -> g.writeStartArray();
                        case END_ARRAY -> g.writeEndArray();
                        case FIELD_NAME -> g.writeFieldName((String) values[i]);
                        case VALUE_STRING -> g.writeString((String) values[i]);
                        case VALUE_NUMBER_INT -> g.writeNumber((Long) values[i]);
                        case VALUE_NUMBER_FLOAT -> g.writeNumber((Double) values[i]);
                        case VALUE_TRUE -> g.writeBoolean(true);
                        case VALUE_FALSE -> g.writeBoolean(false);
                        case VALUE_NULL -> g.writeNull();
                        default -> throw new IllegalStateException("unexpected token " + tokens[i]);
                    }
                }
            }
            return out.toByteArray();
        }
    }
}
