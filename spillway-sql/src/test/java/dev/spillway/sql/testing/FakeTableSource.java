package dev.spillway.sql.testing;

import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.types.Schema;
import java.util.List;

/** A table source with a schema and nothing to read: the front end only plans. */
public record FakeTableSource(String describe, Schema schema) implements TableSource {
    @Override
    public long estimatedRows() {
        return -1;
    }

    @Override
    public long estimatedBytes() {
        return -1;
    }

    @Override
    public List<ScanTask> plan(ScanSpec spec) {
        throw new UnsupportedOperationException("fake source " + describe + " cannot be read");
    }

    @Override
    public String toString() {
        return describe;
    }
}
