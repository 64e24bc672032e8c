package dev.spillway.sql.differential;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.QueryResult;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.types.Field;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a query in a Spillway session and in DuckDB and fails unless both give the same rows (see
 * {@link ResultComparison}) with corresponding column types (see {@link TypeCorrespondence}), and Spillway
 * holds no memory afterwards. A query marked with a known bug must still differ.
 */
final class DifferentialRunner implements AutoCloseable {
    private final Session session;
    private final DuckDbOracle duckDb;

    private DifferentialRunner(Session session, DuckDbOracle duckDb) {
        this.session = session;
        this.duckDb = duckDb;
    }

    /** A Spillway session with the given settings and an in-memory DuckDB, both on two threads (shared machines). */
    static DifferentialRunner open(ExecutionConfig config) {
        Session session = Spillway.open(config.withThreads(2));
        try {
            DuckDbOracle duckDb = new DuckDbOracle();
            duckDb.execute("SET threads = 2");
            return new DifferentialRunner(session, duckDb);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    Session session() {
        return session;
    }

    /** Defines a view in both engines over the same Parquet file. */
    void viewOverParquet(String name, Path file) {
        String sql = "CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_parquet('" + file.toString().replace('\\', '/') + "')";
        session.execute(sql);
        duckDb.execute(sql);
    }

    /** Closes DuckDB, then the session (which fails if Spillway leaked memory). */
    @Override
    public void close() {
        try {
            duckDb.close();
        } finally {
            session.close();
        }
    }

    void check(DifferentialQuery query) {
        String difference;
        try {
            difference = difference(query);
        } finally {
            long held = session.memoryPool().used();
            if (held != 0) {
                throw new AssertionError(query.name() + ": Spillway holds " + held + " bytes after the query: " + session.memoryPool().consumers());
            }
        }
        if (query.knownBug() == null && difference != null) {
            throw new AssertionError(query.name() + "\n" + query.sql() + "\n" + difference);
        }
        if (query.knownBug() != null && difference == null) {
            throw new AssertionError(query.name() + ": known bug " + query.knownBug() + " no longer shows: Spillway now agrees with DuckDB;"
                    + " remove the known-bug mark (and the KnownBug constant when no test names it)\n" + query.sql());
        }
    }

    /** Null when the engines agree, else what differs. */
    private String difference(DifferentialQuery query) {
        QueryResult spillway;
        try {
            spillway = session.sql(query.sql()).collect();
        } catch (SpillwayException e) {
            return "Spillway fails: " + (e.kind() == ErrorKind.INTERNAL ? stackTrace(e) : e.getMessage());
        }
        if (query.duckDbDiffers() != null) {
            return null;
        }
        DuckDbOracle.Answer duck;
        try {
            duck = duckDb.answer(query.sql());
        } catch (IllegalStateException e) {
            return "DuckDB (the reference) fails: " + e.getMessage();
        }
        List<String> spillwayTypes = spillway.schema().fields().stream().map(field -> field.type().toString()).toList();
        if (duck.types().size() != spillwayTypes.size()) {
            return "DuckDB gives " + duck.types().size() + " columns " + duck.names() + ", Spillway " + spillwayTypes.size()
                    + " " + spillway.schema().fields().stream().map(Field::name).toList();
        }
        List<String> typeDifferences = new ArrayList<>();
        for (int i = 0; i < spillwayTypes.size(); i++) {
            String difference = TypeCorrespondence.difference(duck.types().get(i), spillwayTypes.get(i));
            if (difference != null) {
                typeDifferences.add("column " + (i + 1) + " (" + duck.names().get(i) + "): " + difference);
            }
        }
        String rowDifference = ResultComparison.difference(duck.rows(), spillway.rows(), SortKeys.of(query.sql(), duck.names()));
        if (typeDifferences.isEmpty()) {
            return rowDifference;
        }
        return "types differ: " + String.join("; ", typeDifferences) + (rowDifference == null ? "" : "\n" + rowDifference);
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().limit(30).collect(Collectors.joining("\n"));
    }
}
