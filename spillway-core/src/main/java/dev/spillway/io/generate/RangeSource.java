package dev.spillway.io.generate;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.eval.Bits;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code range(stop)} / {@code range(start, stop[, step])}: BIGINT values from start (inclusive) to stop
 * (exclusive), one column named {@code range} as in DuckDB. Split into tasks of about a million rows.
 */
public final class RangeSource implements TableSource {
    private static final long ROWS_PER_TASK = 1 << 20;
    private final long start;
    private final long stop;
    private final long step;
    private final Schema schema;

    public RangeSource(long start, long stop, long step) {
        if (step == 0) {
            throw SpillwayException.userError("range step must not be 0");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.schema = Schema.of(Field.of("range", DataType.BIGINT));
    }

    public long count() {
        if (step > 0 ? start >= stop : start <= stop) {
            return 0;
        }
        long span = step > 0 ? stop - start : start - stop;
        long stride = Math.abs(step);
        return (span + stride - 1) / stride;
    }

    @Override
    public String describe() {
        return "range(" + start + ", " + stop + ", " + step + ")";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public long estimatedRows() {
        return count();
    }

    @Override
    public java.util.OptionalLong distinctValues(int column) {
        return java.util.OptionalLong.of(count());
    }

    @Override
    public long estimatedBytes() {
        return count() * 8;
    }

    @Override
    public List<ScanTask> plan(ScanSpec spec) {
        List<ScanTask> tasks = new ArrayList<>();
        long total = count();
        for (long first = 0; first < total; first += ROWS_PER_TASK) {
            long rows = Math.min(ROWS_PER_TASK, total - first);
            tasks.add(task(first, rows, spec));
        }
        return tasks;
    }

    private ScanTask task(long firstRow, long rows, ScanSpec spec) {
        Schema output = schema.select(spec.projection());
        return new ScanTask() {
            @Override
            public String describe() {
                return "range rows " + firstRow + ".." + (firstRow + rows);
            }

            @Override
            public long estimatedBytes() {
                return rows * 8;
            }

            @Override
            public BatchReader open(dev.spillway.io.ScanContext context) {
                return new BatchReader() {
                    private long done;

                    @Override
                    public Batch next() {
                        if (done >= rows || context.isCancelled()) {
                            return null;
                        }
                        int count = (int) Math.min(context.batchRows(), rows - done);
                        FieldVector[] columns = new FieldVector[output.size()];
                        for (int c = 0; c < columns.length; c++) {
                            FieldVector vector = Vectors.allocate(DataType.BIGINT, "range", count, context.allocator());
                            ArrowBuf data = vector.getDataBuffer();
                            long value = start + (firstRow + done) * step;
                            for (int i = 0; i < count; i++) {
                                data.setLong((long) i << 3, value);
                                value += step;
                            }
                            Bits.setAll(vector.getValidityBuffer(), count);
                            columns[c] = vector;
                        }
                        done += count;
                        return new Batch(output, columns, count);
                    }

                    @Override
                    public void close() {}
                };
            }
        };
    }
}
