package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.spill.SpillFile;
import dev.spillway.types.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** A sequence of rows already in sort order, in memory or in a spill file. Closing frees it. */
sealed interface SortedRun extends AutoCloseable {
    /** Reads the run's batches in order; each batch belongs to the caller. A run is read once. */
    BatchReader open(Schema schema, BufferAllocator allocator);

    long rows();

    @Override
    void close();

    /** A run kept in memory. */
    final class InMemory implements SortedRun {
        private Deque<Batch> batches;
        private final long rows;

        InMemory(List<Batch> batches) {
            this.batches = new ArrayDeque<>(batches);
            this.rows = dev.spillway.data.Batches.rowCount(batches);
        }

        @Override
        public BatchReader open(Schema schema, BufferAllocator allocator) {
            Deque<Batch> source = batches;
            batches = new ArrayDeque<>();
            return new BatchReader() {
                @Override
                public Batch next() {
                    return source.pollFirst();
                }

                @Override
                public void close() {
                    source.forEach(Batch::close);
                    source.clear();
                }
            };
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public void close() {
            batches.forEach(Batch::close);
            batches.clear();
        }
    }

    /** A run written to disk. */
    record Spilled(SpillFile file) implements SortedRun {
        @Override
        public BatchReader open(Schema schema, BufferAllocator allocator) {
            return file.reader(schema, allocator);
        }

        @Override
        public long rows() {
            return file.rows();
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
