package dev.spillway.bench.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps every row, for the untimed run whose answer is compared with the other engine's. */
public final class RowCollector implements RowConsumer {
    private final List<List<Object>> rows = new ArrayList<>();

    @Override
    public void accept(Object[] row) {
        // Arrays.asList would alias the engine's reused array; the copy is what we keep.
        rows.add(Arrays.asList(row.clone()));
    }

    public List<List<Object>> rows() {
        return rows;
    }
}
