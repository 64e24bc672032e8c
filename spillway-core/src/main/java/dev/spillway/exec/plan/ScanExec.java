package dev.spillway.exec.plan;

import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.types.Schema;
import java.util.List;

/** Reads the planned tasks of a table source. */
public record ScanExec(TableSource source, ScanSpec spec, List<ScanTask> tasks, Schema schema) implements PhysicalPlan {
    public ScanExec {
        tasks = List.copyOf(tasks);
    }

    @Override
    public List<PhysicalPlan> inputs() {
        return List.of();
    }

    public long estimatedBytes() {
        long bytes = 0;
        for (ScanTask task : tasks) {
            if (task.estimatedBytes() < 0) {
                return -1;
            }
            bytes += task.estimatedBytes();
        }
        return bytes;
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder("Scan ").append(source.describe())
                .append(" columns=").append(schema.names())
                .append(" tasks=").append(tasks.size());
        long bytes = estimatedBytes();
        if (bytes >= 0) {
            text.append(" estimated_bytes=").append(bytes);
        }
        if (!spec.filters().isEmpty()) {
            text.append(" skip_filters=").append(spec.filters());
        }
        if (!spec.codedColumns().isEmpty()) {
            text.append(" dictionary_codes=").append(spec.codedColumns().stream().sorted().map(schema.names()::get).toList());
        }
        return text.toString();
    }
}
