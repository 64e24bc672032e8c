package dev.spillway.exec.profile;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.pipeline.BatchConsumer;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.exec.pipeline.StreamingOperator;
import dev.spillway.io.BatchReader;

/**
 * Wrappers that time operators, sources and sinks for {@code EXPLAIN ANALYZE} and count what they
 * produce. Only analyzed queries are wrapped, so ordinary queries pay nothing. Time spent downstream of
 * an operator (in the consumer it pushes to) is subtracted, so each operator's time is its own.
 */
public final class Profiled {
    private Profiled() {}

    public static StreamingOperator operator(StreamingOperator operator, OperatorProfile profile) {
        return new StreamingOperator() {
            @Override
            public Worker newWorker(QueryContext context) {
                Worker worker = operator.newWorker(context);
                return new Worker() {
                    @Override
                    public void process(Batch input, BatchConsumer downstream) {
                        timed(profile, downstream, counted -> worker.process(input, counted));
                    }

                    @Override
                    public void close() {
                        worker.close();
                    }
                };
            }

            @Override
            public void finish(QueryContext context, BatchConsumer downstream) {
                timed(profile, downstream, counted -> operator.finish(context, counted));
            }

            @Override
            public void close() {
                operator.close();
            }
        };
    }

    /** Runs {@code body}, counting the batches it pushes and charging its time, minus downstream time, to the profile. */
    private static void timed(OperatorProfile profile, BatchConsumer downstream, java.util.function.Consumer<BatchConsumer> body) {
        long[] downstreamTime = new long[2];
        BatchConsumer counted = batch -> {
            profile.produced(batch.rowCount());
            long wall = System.nanoTime();
            long cpu = CpuClock.now();
            try {
                downstream.accept(batch);
            } finally {
                downstreamTime[0] += System.nanoTime() - wall;
                downstreamTime[1] += CpuClock.now() - cpu;
            }
        };
        long wall = System.nanoTime();
        long cpu = CpuClock.now();
        try {
            body.accept(counted);
        } finally {
            profile.spent(System.nanoTime() - wall - downstreamTime[0], CpuClock.now() - cpu - downstreamTime[1]);
        }
    }

    public static Source source(Source source, OperatorProfile profile) {
        return new Source() {
            @Override
            public BatchReader nextTask() {
                long wall = System.nanoTime();
                long cpu = CpuClock.now();
                BatchReader reader;
                try {
                    reader = source.nextTask();
                } finally {
                    profile.spent(System.nanoTime() - wall, CpuClock.now() - cpu);
                }
                return reader == null ? null : reader(reader, profile);
            }

            @Override
            public boolean ordered() {
                return source.ordered();
            }

            @Override
            public int maxParallelism() {
                return source.maxParallelism();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    private static BatchReader reader(BatchReader reader, OperatorProfile profile) {
        return new BatchReader() {
            @Override
            public Batch next() {
                long wall = System.nanoTime();
                long cpu = CpuClock.now();
                try {
                    Batch batch = reader.next();
                    if (batch != null) {
                        profile.produced(batch.rowCount());
                    }
                    return batch;
                } finally {
                    profile.spent(System.nanoTime() - wall, CpuClock.now() - cpu);
                }
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /** Times a materializing sink's input side; its rows are counted where its output is read. */
    public static Sink sink(Sink sink, OperatorProfile profile) {
        return new Sink() {
            @Override
            public Worker newWorker(QueryContext context) {
                Worker worker = sink.newWorker(context);
                return new Worker() {
                    @Override
                    public void accept(Batch batch) {
                        long wall = System.nanoTime();
                        long cpu = CpuClock.now();
                        try {
                            worker.accept(batch);
                        } finally {
                            profile.spent(System.nanoTime() - wall, CpuClock.now() - cpu);
                        }
                    }

                    @Override
                    public void startTask(int task) {
                        worker.startTask(task);
                    }

                    @Override
                    public void endTask(int task) {
                        worker.endTask(task);
                    }

                    @Override
                    public void finishWorker() {
                        long wall = System.nanoTime();
                        long cpu = CpuClock.now();
                        try {
                            worker.finishWorker();
                        } finally {
                            profile.spent(System.nanoTime() - wall, CpuClock.now() - cpu);
                        }
                    }

                    @Override
                    public void close() {
                        worker.close();
                    }
                };
            }

            @Override
            public boolean isSatisfied() {
                return sink.isSatisfied();
            }

            @Override
            public void finish(QueryContext context) {
                long wall = System.nanoTime();
                long cpu = CpuClock.now();
                try {
                    sink.finish(context);
                } finally {
                    profile.spent(System.nanoTime() - wall, CpuClock.now() - cpu);
                }
            }

            @Override
            public void close() {
                sink.close();
            }
        };
    }
}
