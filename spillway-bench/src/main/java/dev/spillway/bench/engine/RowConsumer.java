package dev.spillway.bench.engine;

/**
 * Receives a query's rows one at a time, as canonical Java values (see the package description). The
 * array is reused by the engine for the next row: a consumer that keeps values copies them.
 */
@FunctionalInterface
public interface RowConsumer {
    void accept(Object[] row);
}
