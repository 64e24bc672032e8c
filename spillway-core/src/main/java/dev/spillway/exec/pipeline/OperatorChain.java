package dev.spillway.exec.pipeline;

import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.QueryContext;
import java.util.ArrayList;
import java.util.List;

/** One thread's workers for a list of operators, linked so that each pushes into the next and the last into {@code tail}. */
final class OperatorChain implements AutoCloseable {
    private final List<StreamingOperator.Worker> workers = new ArrayList<>();
    private final BatchConsumer head;

    OperatorChain(List<StreamingOperator> operators, BatchConsumer tail, QueryContext context) {
        try {
            for (StreamingOperator operator : operators) {
                workers.add(operator.newWorker(context));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        BatchConsumer next = tail;
        for (int i = workers.size() - 1; i >= 0; i--) {
            StreamingOperator.Worker worker = workers.get(i);
            BatchConsumer downstream = next;
            next = batch -> worker.process(batch, downstream);
        }
        this.head = next;
    }

    BatchConsumer head() {
        return head;
    }

    @Override
    public void close() {
        closeAll(workers);
    }

    /** Closes everything, then rethrows the first failure. */
    static void closeAll(List<? extends AutoCloseable> resources) {
        Throwable failure = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Throwable t) {
                failure = failure == null ? t : failure;
            }
        }
        if (failure != null) {
            throw SpillwayException.wrap(failure);
        }
    }
}
