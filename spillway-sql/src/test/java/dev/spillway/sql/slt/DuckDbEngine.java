package dev.spillway.sql.slt;

import dev.spillway.testing.DuckDbOracle;

/** DuckDB in-process, one database per golden file: the reference the expected results are checked against. */
final class DuckDbEngine implements SltEngine {
    private final DuckDbOracle duckDb = new DuckDbOracle();

    DuckDbEngine() {
        duckDb.execute("SET threads = 2");
        duckDb.execute("SET TimeZone = 'UTC'");
    }

    @Override
    public void statement(String sql) {
        duckDb.execute(sql);
    }

    @Override
    public SltResult query(String sql) {
        DuckDbOracle.Answer answer = duckDb.answer(sql);
        return SltResult.ofDuckDb(answer.types(), answer.rows());
    }

    @Override
    public void close() {
        duckDb.close();
    }
}
