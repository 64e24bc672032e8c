package dev.spillway.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spillway.io.text.ColumnWriter;
import dev.spillway.io.text.Utf8;
import dev.spillway.io.text.ValueFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes the JSON value at a parser's current token into a column: typed tokens go straight to the typed
 * setters, strings are converted from the parser's character buffer (no String per value), and JSON text
 * columns receive the value re-rendered compactly by a generator. A value that does not fit the column throws
 * {@link ValueFormatException} for the reader to report with file, line and column.
 */
final class JsonValueWriter implements AutoCloseable {
    private final ByteSink sink = new ByteSink();
    private final JsonGenerator generator;
    private byte[] scratch = new byte[256];

    JsonValueWriter() {
        try {
            generator = JsonFormats.FACTORY.createGenerator(sink);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON generator over memory", e);
        }
    }

    void write(JsonParser parser, JsonToken token, JsonColumn column, ColumnWriter writer, int row) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            writer.setNull(row);
            return;
        }
        if (column.jsonText()) {
            writeJsonText(parser, (ColumnWriter.VarcharWriter) writer, row);
            return;
        }
        switch (writer) {
            case ColumnWriter.BigintWriter longs -> {
                if (token == JsonToken.VALUE_NUMBER_INT && isLong(parser)) {
                    longs.setLong(row, parser.getLongValue());
                } else {
                    decodeText(parser, token, writer, row);
                }
            }
            case ColumnWriter.IntegerWriter ints -> {
                if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                    ints.setInt(row, parser.getIntValue());
                } else {
                    decodeText(parser, token, writer, row);
                }
            }
            case ColumnWriter.DoubleWriter doubles -> {
                if (token.isNumeric()) {
                    doubles.setDouble(row, parser.getDoubleValue());
                } else {
                    decodeText(parser, token, writer, row);
                }
            }
            case ColumnWriter.DecimalWriter decimals -> {
                if (token.isNumeric()) {
                    BigDecimal value = parser.getDecimalValue();
                    decimals.setDecimal(row, value);
                } else {
                    decodeText(parser, token, writer, row);
                }
            }
            case ColumnWriter.BooleanWriter booleans -> {
                if (token.isBoolean()) {
                    booleans.setBoolean(row, token == JsonToken.VALUE_TRUE);
                } else {
                    decodeText(parser, token, writer, row);
                }
            }
            case ColumnWriter.VarcharWriter strings -> {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    writeJsonText(parser, strings, row);
                } else {
                    int length = textBytes(parser);
                    strings.setUtf8(row, scratch, 0, length);
                }
            }
            default -> decodeText(parser, token, writer, row);
        }
    }

    private static boolean isLong(JsonParser parser) throws IOException {
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /** Strings (and numbers in text form) parsed by the column's text decoder; nested values never fit. */
    private void decodeText(JsonParser parser, JsonToken token, ColumnWriter writer, int row) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            throw new ValueFormatException(token == JsonToken.START_OBJECT ? "an object" : "an array");
        }
        int length = textBytes(parser);
        writer.decode(scratch, 0, length, row);
    }

    /** The current scalar's text as UTF-8 in {@link #scratch}; its length. */
    private int textBytes(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            int length = parser.getTextLength();
            if (scratch.length < length * 3) {
                scratch = new byte[Math.max(length * 3, scratch.length * 2)];
            }
            return Utf8.encode(parser.getTextCharacters(), parser.getTextOffset(), length, scratch);
        }
        byte[] text = parser.getText().getBytes(StandardCharsets.UTF_8);
        if (scratch.length < text.length) {
            scratch = new byte[Math.max(text.length, scratch.length * 2)];
        }
        System.arraycopy(text, 0, scratch, 0, text.length);
        return text.length;
    }

    private void writeJsonText(JsonParser parser, ColumnWriter.VarcharWriter writer, int row) throws IOException {
        sink.reset();
        generator.copyCurrentStructure(parser);
        generator.flush();
        writer.setUtf8(row, sink.bytes(), 0, sink.size());
    }

    /** The current value as text for an error message: the scalar itself, or "an object"/"an array". */
    static String describe(JsonParser parser, JsonToken token) {
        try {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "\"" + parser.getText() + "\"";
                default -> parser.getText();
            };
        } catch (IOException e) {
            return "the value";
        }
    }

    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            // writes to memory only
        }
    }
}
