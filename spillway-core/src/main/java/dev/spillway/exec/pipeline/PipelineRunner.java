package dev.spillway.exec.pipeline;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.io.BatchReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one pipeline to completion on worker threads.
 *
 * <p>Algorithm (morsel-driven): each worker repeatedly takes the next task from the sources, reads its
 * batches and pushes each one through its own chain of operator workers into its own sink worker, on
 * the same thread, so a batch stays in one core's cache. When the tasks run out each worker publishes
 * its sink state; operators that owe trailing rows then run once; finally the sink is finished. A
 * sink that needs no more input (a satisfied LIMIT) stops the workers early. Any failure cancels the
 * query and is rethrown here after every worker has stopped and released its state.
 */
public final class PipelineRunner {
    private PipelineRunner() {}

    public static void run(Pipeline pipeline, QueryContext context) {
        List<Source> sources = new ArrayList<>();
        try {
            for (Pipeline.Branch branch : pipeline.branches()) {
                sources.add(branch.source().get());
            }
            TaskDispenser dispenser = new TaskDispenser(sources);
            int workers = workerCount(sources, context);
            if (workers == 1) {
                new Worker(pipeline, dispenser, context).run();
            } else {
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    Worker worker = new Worker(pipeline, dispenser, context);
                    threads.add(Thread.ofPlatform().name("spillway-q" + context.queryId() + "-" + pipeline.name() + "-w" + i).start(worker));
                }
                joinAll(threads, context);
            }
            context.checkRunning();
            runTrailingOutput(pipeline, context, dispenser.handedOut());
            context.checkRunning();
            pipeline.sink().finish(context);
        } finally {
            OperatorChain.closeAll(sources);
        }
    }

    private static int workerCount(List<Source> sources, QueryContext context) {
        long parallelism = 0;
        for (Source source : sources) {
            if (source.ordered()) {
                return 1;
            }
            parallelism += source.maxParallelism();
        }
        return (int) Math.max(1, Math.min(context.config().threads(), parallelism));
    }

    private static void joinAll(List<Thread> threads, QueryContext context) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // Workers must release their state before we return: cancel them and keep waiting.
                    interrupted = true;
                    context.cancel();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Operators with rows left after all input (outer join build sides) push them through the rest of the chain. */
    private static void runTrailingOutput(Pipeline pipeline, QueryContext context, int task) {
        for (Pipeline.Branch branch : pipeline.branches()) {
            List<StreamingOperator> operators = branch.operators();
            for (int i = 0; i < operators.size(); i++) {
                List<StreamingOperator> downstream = new ArrayList<>(operators.subList(i + 1, operators.size()));
                downstream.addAll(pipeline.operators());
                finishOperator(operators.get(i), downstream, pipeline.sink(), context, task);
            }
        }
        List<StreamingOperator> shared = pipeline.operators();
        for (int i = 0; i < shared.size(); i++) {
            finishOperator(shared.get(i), shared.subList(i + 1, shared.size()), pipeline.sink(), context, task);
        }
    }

    private static void finishOperator(StreamingOperator operator, List<StreamingOperator> downstream, Sink sink, QueryContext context, int task) {
        Sink.Worker sinkWorker = sink.newWorker(context);
        OperatorChain chain = null;
        try {
            chain = new OperatorChain(downstream, sinkWorker::accept, context);
            sinkWorker.startTask(task);
            operator.finish(context, chain.head());
            sinkWorker.endTask(task);
            sinkWorker.finishWorker();
        } finally {
            OperatorChain.closeAll(java.util.Arrays.asList(chain, sinkWorker));
        }
    }

    /** One worker thread's loop. */
    private record Worker(Pipeline pipeline, TaskDispenser dispenser, QueryContext context) implements Runnable {
        @Override
        public void run() {
            List<AutoCloseable> resources = new ArrayList<>();
            try {
                Sink sink = pipeline.sink();
                Sink.Worker sinkWorker = sink.newWorker(context);
                resources.add(sinkWorker);
                OperatorChain shared = new OperatorChain(pipeline.operators(), sinkWorker::accept, context);
                resources.add(shared);
                List<BatchConsumer> heads = new ArrayList<>();
                for (Pipeline.Branch branch : pipeline.branches()) {
                    OperatorChain chain = new OperatorChain(branch.operators(), shared.head(), context);
                    resources.add(chain);
                    heads.add(chain.head());
                }
                TaskDispenser.Task task;
                while (!context.isCancelled() && !sink.isSatisfied() && (task = dispenser.next()) != null) {
                    sinkWorker.startTask(task.ordinal());
                    BatchConsumer head = heads.get(task.branch());
                    try (BatchReader reader = task.reader()) {
                        Batch batch;
                        while (!context.isCancelled() && !sink.isSatisfied() && (batch = reader.next()) != null) {
                            head.accept(batch);
                        }
                    }
                    sinkWorker.endTask(task.ordinal());
                }
                if (!context.isCancelled()) {
                    sinkWorker.finishWorker();
                }
            } catch (Throwable t) {
                context.fail(t);
            } finally {
                // Close in reverse creation order: branch operators, shared operators, then the sink worker.
                java.util.Collections.reverse(resources);
                try {
                    OperatorChain.closeAll(resources);
                } catch (Throwable t) {
                    context.fail(t);
                }
            }
        }
    }
}
