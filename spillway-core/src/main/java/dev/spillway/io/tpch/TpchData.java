package dev.spillway.io.tpch;

import static java.util.Objects.requireNonNull;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.parquet.ParquetBatchWriter;
import dev.spillway.io.parquet.ParquetWriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes TPC-H tables as Parquet files, one file per table ({@code <dir>/<table>.parquet}), for demos,
 * benchmarks and tests.
 *
 * <p>Algorithm: tables are written one after the other. For each, generator parts run on a pool of
 * worker threads, at most {@code threads} parts ahead of the writer, each handing its batches to a small
 * bounded queue; the calling thread drains the queues in part order into one {@link ParquetBatchWriter}.
 * So generation runs in parallel with itself and with encoding, rows stay in generator order, and memory
 * stays bounded (a few batches per running part plus the writer's row group). Files that already exist
 * are kept, so an interrupted run resumes where it stopped; writes are atomic, so a file that exists is
 * complete.
 */
public final class TpchData {
    private static final int BATCH_ROWS = 16_384;
    private static final int BATCHES_AHEAD_PER_PART = 2;
    /** Marks the end of a part in its queue. */
    private static final Object END = new Object();

    private TpchData() {}

    /** Generates the missing tables with one worker per core and default writer options; returns the 8 files. */
    public static List<Path> generateParquet(Path dir, double scaleFactor, BufferAllocator allocator) {
        return generateParquet(dir, scaleFactor, allocator, Runtime.getRuntime().availableProcessors(),
                ParquetWriteOptions.defaults().withRowGroupBytes(ROW_GROUP_BYTES));
    }

    /**
     * Row groups of about 16 MB: readers (ours and DuckDB's) parallelize by row group, so SF 1 lineitem
     * gets a dozen tasks instead of the two that the 128 MB default would give.
     */
    private static final long ROW_GROUP_BYTES = 16L << 20;

    /**
     * Generates {@code <dir>/<table>.parquet} for every TPC-H table whose file does not exist yet.
     *
     * @param threads generator threads (the calling thread writes)
     * @return the files of the 8 tables, smallest table first
     */
    public static List<Path> generateParquet(Path dir, double scaleFactor, BufferAllocator allocator, int threads,
                                             ParquetWriteOptions options) {
        requireNonNull(dir, "dir is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(options, "options is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tpch-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (String table : TpchSource.tableNames()) {
                Path file = dir.resolve(table + ".parquet");
                if (!Files.exists(file)) {
                    writeTable(new TpchSource(table, scaleFactor), file, pool, threads, allocator, options);
                }
                files.add(file);
            }
        } finally {
            pool.shutdownNow();
        }
        return files;
    }

    private static void writeTable(TpchSource source, Path file, ExecutorService pool, int threads, BufferAllocator allocator,
                                   ParquetWriteOptions options) {
        ScanSpec spec = new ScanSpec(IntStream.range(0, source.schema().size()).boxed().toList(), List.of(), BATCH_ROWS, 0);
        List<ScanTask> tasks = source.plan(spec);
        AtomicBoolean cancelled = new AtomicBoolean();
        ScanContext context = new ScanContext(allocator, BATCH_ROWS, cancelled::get);
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        try (ParquetBatchWriter writer = new ParquetBatchWriter(file, source.schema(), options, allocator)) {
            for (int part = 0; part < tasks.size(); part++) {
                while (queues.size() < tasks.size() && queues.size() < part + threads) {
                    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD_PER_PART);
                    ScanTask task = tasks.get(queues.size());
                    queues.add(queue);
                    running.add(pool.submit(() -> generate(task, context, queue, cancelled)));
                }
                drain(queues.get(part), writer);
            }
            writer.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpillwayException(dev.spillway.errors.ErrorKind.CANCELLED, "TPC-H generation was interrupted");
        } finally {
            cancelled.set(true);
            for (Future<?> future : running) {
                awaitQuietly(future);
            }
            queues.forEach(TpchData::discard);
        }
    }

    private static void drain(BlockingQueue<Object> queue, ParquetBatchWriter writer) throws InterruptedException {
        while (true) {
            Object item = queue.take();
            if (item == END) {
                return;
            }
            if (item instanceof Throwable failure) {
                throw SpillwayException.wrap(failure);
            }
            try (Batch batch = (Batch) item) {
                writer.write(batch);
            }
        }
    }

    /** Runs one part on a worker: hands each batch over (or closes it if the writer gave up), then END or the failure. */
    private static void generate(ScanTask task, ScanContext context, BlockingQueue<Object> queue, AtomicBoolean cancelled) {
        Object last = END;
        try (BatchReader reader = task.open(context)) {
            Batch batch;
            while (!cancelled.get() && (batch = reader.next()) != null) {
                if (!handOver(queue, batch, cancelled)) {
                    batch.close();
                    return;
                }
            }
        } catch (Throwable failure) {
            last = failure;
        }
        handOver(queue, last, cancelled);
    }

    private static boolean handOver(BlockingQueue<Object> queue, Object item, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get()) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void awaitQuietly(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // Failures reach the writer through the queue.
        }
    }

    private static void discard(BlockingQueue<Object> queue) {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Batch batch) {
                batch.close();
            }
        }
    }
}
