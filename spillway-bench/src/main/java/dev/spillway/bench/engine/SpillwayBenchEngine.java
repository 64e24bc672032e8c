package dev.spillway.bench.engine;

import dev.spillway.api.BatchStream;
import dev.spillway.bench.BuildInfo;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.api.StatementResult;
import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.types.Schema;
import java.nio.file.Path;
import java.util.List;

/**
 * Spillway through its public Java API, as an application would use it: one session for the whole
 * benchmark, views made with SQL, each query streamed batch by batch. Script statements ({@link BenchScript})
 * run through {@link Session#execute}.
 */
public final class SpillwayBenchEngine implements BenchEngine {
    private final Session session;
    private final Path outputDirectory;

    private SpillwayBenchEngine(Session session, Path outputDirectory) {
        this.session = session;
        this.outputDirectory = outputDirectory;
    }

    static SpillwayBenchEngine open(EngineSetup setup) {
        Session session = Spillway.open(ExecutionConfig.defaults().withThreads(setup.threads()));
        try {
            session.set("temp_directory", setup.tempDirectory().toString());
            setup.memoryLimit().ifPresent(limit -> session.set("memory_limit", limit));
            for (EngineSetup.ParquetTable table : setup.tables()) {
                session.execute(table.createViewSql());
            }
            return new SpillwayBenchEngine(session, setup.outputDirectory());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public String version() {
        return BuildInfo.load().spillwayVersion();
    }

    @Override
    public List<String> run(String sql, RowConsumer consumer) {
        return BenchScript.parse(sql).run(outputDirectory, this::executeStatement, query -> runQuery(query, consumer));
    }

    /** A query given to execute() is only planned, not run: so a script statement must not be one. */
    private void executeStatement(String statement) {
        if (session.execute(statement) instanceof StatementResult.Rows) {
            throw BenchScript.statementReturnedRows(statement);
        }
    }

    private List<String> runQuery(String sql, RowConsumer consumer) {
        try (BatchStream stream = session.sql(sql).stream()) {
            Schema schema = stream.schema();
            Object[] row = new Object[schema.size()];
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        for (int c = 0; c < row.length; c++) {
                            row[c] = Values.get(batch.column(c), schema.type(c), r);
                        }
                        consumer.accept(row);
                    }
                }
            }
            return schema.names();
        }
    }

    /** Closes the session, which fails if a query leaked memory: a leak is worth a failed benchmark. */
    @Override
    public void close() {
        session.close();
    }
}
