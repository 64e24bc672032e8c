package dev.spillway.sql;

import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Values;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Plans one small query on a daemon thread, so that Calcite's classes are loaded before they are needed. */
final class WarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {}

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(WarmUp::run, "spillway-sql-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            StatementParser.parse("SELECT x, count(*) FROM warm_up WHERE x > 1 GROUP BY x ORDER BY 2", EMPTY_TABLE, false);
        } catch (RuntimeException ignored) {
            // Warming up is best effort; a real query reports real problems.
        }
    }

    /** A catalog with one empty table, {@code warm_up(x INTEGER)}. */
    private static final Catalog EMPTY_TABLE = new Catalog() {
        private final LogicalPlan table = new Values(new Schema(List.of(Field.of("x", DataType.INTEGER))), List.of());

        @Override
        public Optional<LogicalPlan> view(String name) {
            return name.equalsIgnoreCase("warm_up") ? Optional.of(table) : Optional.empty();
        }

        @Override
        public LogicalPlan tableFunction(String name, List<Object> args, Map<String, Object> options) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        public LogicalPlan file(String path) {
            throw new UnsupportedOperationException(path);
        }
    };
}
