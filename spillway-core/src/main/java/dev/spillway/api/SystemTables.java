package dev.spillway.api;

import dev.spillway.io.generate.SnapshotSource;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Scan;
import dev.spillway.spill.SpillFile;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's own state as tables, read when the query runs so they can watch other queries:
 * {@code memory()} (bytes in memory and in temporary files per tag, as DuckDB's
 * {@code duckdb_memory()}) and {@code temporary_files()} (each live spill file, as
 * {@code duckdb_temporary_files()}).
 */
final class SystemTables {
    static final Schema MEMORY_SCHEMA = Schema.of(
            Field.of("tag", DataType.VARCHAR),
            Field.of("memory_usage_bytes", DataType.BIGINT),
            Field.of("temporary_storage_bytes", DataType.BIGINT));
    static final Schema TEMPORARY_FILES_SCHEMA = Schema.of(
            Field.of("path", DataType.VARCHAR),
            Field.of("size", DataType.BIGINT));

    private final Session session;

    SystemTables(Session session) {
        this.session = session;
    }

    LogicalPlan memory() {
        return Scan.of(new SnapshotSource("memory", MEMORY_SCHEMA, this::memoryRows));
    }

    LogicalPlan temporaryFiles() {
        return Scan.of(new SnapshotSource("temporary_files", TEMPORARY_FILES_SCHEMA, this::temporaryFileRows));
    }

    /**
     * One row per tag, every tag listed. Memory not held by a registered consumer is batches owned by the
     * queries themselves, between operators or waiting for the reader, and is counted as EXCHANGE.
     */
    private List<List<Object>> memoryRows() {
        Map<MemoryTag, Long> inMemory = new EnumMap<>(MemoryTag.class);
        Map<MemoryTag, Long> onDisk = new EnumMap<>(MemoryTag.class);
        long attributed = 0;
        for (MemoryConsumer consumer : session.memoryPool().consumers()) {
            long bytes = consumer.allocated();
            inMemory.merge(consumer.tag(), bytes, Long::sum);
            attributed += bytes;
        }
        // Read after the consumers, so the remainder is not negative because a consumer grew in between.
        long unattributed = Math.max(0, session.memoryPool().used() - attributed);
        inMemory.merge(MemoryTag.EXCHANGE, unattributed, Long::sum);
        for (SpillFile file : session.spillFiles()) {
            onDisk.merge(file.tag(), file.size(), Long::sum);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (MemoryTag tag : MemoryTag.values()) {
            rows.add(List.of(tag.name(), inMemory.getOrDefault(tag, 0L), onDisk.getOrDefault(tag, 0L)));
        }
        return rows;
    }

    private List<List<Object>> temporaryFileRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (SpillFile file : session.spillFiles()) {
            rows.add(List.of(file.path().toString(), file.size()));
        }
        return rows;
    }
}
