package dev.spillway.sql.slt;

/** One of the two engines a golden file runs in. */
interface SltEngine extends AutoCloseable {
    /** Runs a statement; a query's rows are read (so that errors while running surface) and dropped. */
    void statement(String sql);

    SltResult query(String sql);

    @Override
    void close();
}
