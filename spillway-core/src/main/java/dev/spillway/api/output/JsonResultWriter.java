package dev.spillway.api.output;

import dev.spillway.data.Batch;
import dev.spillway.data.ValueFormatter;
import dev.spillway.data.Values;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A JSON array with one object per row, one row per line. Numbers are JSON numbers (NaN and infinities,
 * which JSON cannot express, become strings), dates and timestamps strings, NULL null.
 */
public final class JsonResultWriter implements ResultWriter {
    private final Appendable out;
    private Schema schema;
    private boolean first = true;

    public JsonResultWriter(Appendable out) {
        this.out = out;
    }

    @Override
    public void start(Schema schema) throws IOException {
        this.schema = schema;
        out.append('[');
    }

    @Override
    public void write(Batch batch) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int r = 0; r < batch.rowCount(); r++) {
            line.setLength(0);
            line.append(first ? "\n{" : ",\n{");
            first = false;
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                quote(line, schema.field(c).name());
                line.append(':');
                appendValue(line, Values.get(batch.column(c), schema.type(c), r));
            }
            line.append('}');
            out.append(line);
        }
    }

    private static void appendValue(StringBuilder line, Object value) {
        switch (value) {
            case null -> line.append("null");
            case Boolean b -> line.append(b);
            case Integer i -> line.append(i);
            case Long l -> line.append(l);
            case BigDecimal d -> line.append(d.toPlainString());
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    quote(line, ValueFormatter.formatDouble(d));
                } else {
                    line.append(ValueFormatter.formatDouble(d));
                }
            }
            default -> quote(line, ValueFormatter.format(value));
        }
    }

    static void quote(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        line.append(String.format("\\u%04x", (int) ch));
                    } else {
                        line.append(ch);
                    }
                }
            }
        }
        line.append('"');
    }

    @Override
    public void finish() throws IOException {
        out.append(first ? "]\n" : "\n]\n");
    }
}
