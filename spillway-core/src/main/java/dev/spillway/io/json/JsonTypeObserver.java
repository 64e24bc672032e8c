package dev.spillway.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spillway.io.text.TypeCandidates;
import dev.spillway.types.DataType;
import java.io.IOException;

/**
 * Infers one column's type from the JSON values seen for its key, as DuckDB's {@code read_json_auto} does for the
 * types Spillway has: only booleans give BOOLEAN, only integers BIGINT (DECIMAL(38,0) if some exceed BIGINT but fit
 * 64 bits unsigned, DuckDB's HUGEINT), numbers with a fraction or larger integers make DOUBLE; strings are VARCHAR unless every one is an ISO date (DATE) or timestamp (TIMESTAMP); nested
 * objects and arrays, and keys whose values mix kinds, give VARCHAR holding JSON text (DuckDB's JSON type); a key
 * that is only ever null is VARCHAR.
 */
final class JsonTypeObserver {
    private static final int BOOLEAN = 1;
    private static final int INTEGER = 1 << 1;
    private static final int FLOAT = 1 << 2;
    private static final int STRING = 1 << 3;
    private static final int NESTED = 1 << 4;
    /** An integer beyond BIGINT that fits 64 bits unsigned: DuckDB reads those as HUGEINT. */
    private static final int HUGE = 1 << 5;
    private static final int NUMBER = INTEGER | FLOAT;
    /** Strings longer than this are never dates or timestamps. */
    private static final int MAX_TEMPORAL_LENGTH = 48;

    private int kinds;
    private int stringCandidates = TypeCandidates.DATE | TypeCandidates.TIMESTAMP | TypeCandidates.VARCHAR;
    private final byte[] scratch = new byte[MAX_TEMPORAL_LENGTH];

    /** Records the value at the parser's current token, skipping over it if it is nested. */
    void observe(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NULL -> {}
            case VALUE_TRUE, VALUE_FALSE -> kinds |= BOOLEAN;
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    kinds |= INTEGER;
                } else {
                    java.math.BigInteger value = parser.getBigIntegerValue();
                    kinds |= value.signum() > 0 && value.bitLength() <= 64 ? HUGE : FLOAT;
                }
            }
            case VALUE_NUMBER_FLOAT -> kinds |= FLOAT;
            case VALUE_STRING -> {
                kinds |= STRING;
                if (stringCandidates != TypeCandidates.VARCHAR) {
                    observeString(parser);
                }
            }
            case START_OBJECT, START_ARRAY -> {
                kinds |= NESTED;
                parser.skipChildren();
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        }
    }

    private void observeString(JsonParser parser) throws IOException {
        int length = parser.getTextLength();
        if (length > MAX_TEMPORAL_LENGTH) {
            stringCandidates = TypeCandidates.VARCHAR;
            return;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            if (c > 127) {
                stringCandidates = TypeCandidates.VARCHAR;
                return;
            }
            scratch[i] = (byte) c;
        }
        stringCandidates = length == 0 ? TypeCandidates.VARCHAR : TypeCandidates.narrow(stringCandidates, scratch, 0, length);
    }

    JsonColumn column(String name) {
        return switch (kinds) {
            case 0 -> new JsonColumn(name, DataType.VARCHAR, false);
            case BOOLEAN -> new JsonColumn(name, DataType.BOOLEAN, false);
            case INTEGER -> new JsonColumn(name, DataType.BIGINT, false);
            case HUGE, HUGE | INTEGER -> new JsonColumn(name, TypeCandidates.HUGEINT_TYPE, false);
            case FLOAT, NUMBER, FLOAT | HUGE, NUMBER | HUGE -> new JsonColumn(name, DataType.DOUBLE, false);
            case STRING -> new JsonColumn(name, TypeCandidates.typeOf(stringCandidates), false);
            default -> new JsonColumn(name, DataType.VARCHAR, true);
        };
    }
}
