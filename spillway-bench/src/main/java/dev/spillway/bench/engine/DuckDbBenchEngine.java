package dev.spillway.bench.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB through its JDBC driver, in-process in the worker JVM: an in-memory database (no DuckDB storage
 * file; the data is the Parquet files, as for Spillway) with {@code SET threads}, the memory limit and the
 * views. Script statements ({@link BenchScript}) run through {@link Statement#execute}.
 */
public final class DuckDbBenchEngine implements BenchEngine {
    private final Connection connection;
    private final String version;
    private final Path outputDirectory;

    private DuckDbBenchEngine(Connection connection, String version, Path outputDirectory) {
        this.connection = connection;
        this.version = version;
        this.outputDirectory = outputDirectory;
    }

    static DuckDbBenchEngine open(EngineSetup setup) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            execute(connection, "SET threads = " + setup.threads());
            execute(connection, "SET temp_directory = '" + setup.tempDirectory().toString().replace("'", "''") + "'");
            if (setup.memoryLimit().isPresent()) {
                execute(connection, "SET memory_limit = '" + setup.memoryLimit().get().replace("'", "''") + "'");
            }
            for (EngineSetup.ParquetTable table : setup.tables()) {
                execute(connection, table.createViewSql());
            }
            return new DuckDbBenchEngine(connection, queryVersion(connection), setup.outputDirectory());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot set up DuckDB: " + e.getMessage(), e);
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<String> run(String sql, RowConsumer consumer) {
        return BenchScript.parse(sql).run(outputDirectory, this::executeStatement, query -> runQuery(query, consumer));
    }

    private void executeStatement(String sql) {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                throw BenchScript.statementReturnedRows(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
        }
    }

    private List<String> runQuery(String sql, RowConsumer consumer) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> names = new ArrayList<>(meta.getColumnCount());
            JdbcValues.Reader[] readers = new JdbcValues.Reader[meta.getColumnCount()];
            for (int c = 0; c < readers.length; c++) {
                names.add(meta.getColumnLabel(c + 1));
                readers[c] = JdbcValues.reader(meta, c + 1);
            }
            Object[] row = new Object[readers.length];
            while (result.next()) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = readers[c].read(result, c + 1);
                }
                consumer.accept(row);
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static String queryVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version(), source_id FROM pragma_version()")) {
            result.next();
            return result.getString(1) + " (" + result.getString(2) + ")";
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing after a failure: the first error is the one worth reporting.
            }
        }
    }
}
