package dev.spillway.api.output;

import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A boxed table of the first {@code maxRows} rows; the rest are only counted (the total is printed). */
public final class TableResultWriter implements ResultWriter {
    private final Appendable out;
    private final int maxRows;
    private final List<List<Object>> rows = new ArrayList<>();
    private Schema schema;
    private long total;

    public TableResultWriter(Appendable out, int maxRows) {
        this.out = out;
        this.maxRows = maxRows;
    }

    @Override
    public void start(Schema schema) {
        this.schema = schema;
    }

    @Override
    public void write(Batch batch) {
        for (int r = 0; r < batch.rowCount() && rows.size() < maxRows; r++) {
            List<Object> row = new ArrayList<>(schema.size());
            for (int c = 0; c < schema.size(); c++) {
                row.add(Values.get(batch.column(c), schema.type(c), r));
            }
            rows.add(row);
        }
        total += batch.rowCount();
    }

    @Override
    public void finish() throws IOException {
        String table = TableFormatter.format(schema, rows, maxRows);
        if (total > rows.size()) {
            // The formatter only saw the shown rows; state the real total.
            int cut = table.lastIndexOf('\n', table.length() - 2);
            table = table.substring(0, cut + 1) + total + " rows (" + rows.size() + " shown)\n";
        }
        out.append(table);
    }
}
