package dev.spillway.api;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.QueryExecution;
import dev.spillway.exec.plan.PhysicalPlan;
import dev.spillway.exec.plan.PhysicalPlanPrinter;
import dev.spillway.exec.plan.PhysicalPlanner;
import dev.spillway.exec.profile.ProfilePrinter;
import dev.spillway.exec.profile.QueryProfile;
import dev.spillway.memory.MemoryPool;
import dev.spillway.spill.SpillFile;
import dev.spillway.spill.TempStorage;
import dev.spillway.optimizer.Optimizer;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.PlanPrinter;
import dev.spillway.plan.Values;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An engine instance: one memory pool, settings, views, and the queries running on them. Thread-safe:
 * several queries may run at once and share the memory limit. Open with {@link Spillway#open}.
 */
public final class Session implements AutoCloseable {
    private static final AtomicLong QUERY_IDS = new AtomicLong();
    private static final AtomicLong SESSION_IDS = new AtomicLong();
    /** Sessions not closed yet; a forgotten one holds its memory pool (and often off-heap buffers) forever. */
    private static final Set<Session> OPEN = ConcurrentHashMap.newKeySet();

    private final long id = SESSION_IDS.incrementAndGet();
    /** Where the session was opened, to name the culprit when one is found unclosed. */
    private final Throwable openedAt = new Throwable("session " + id + " opened here");

    private final MemoryPool pool;
    private final BufferAllocator scratch;
    private volatile TempStorage tempStorage;
    private final SessionCatalog catalog = new SessionCatalog(new SystemTables(this));
    private volatile ExecutionConfig config;
    private volatile SqlFrontend sqlFrontend;

    Session(ExecutionConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.pool = new MemoryPool(config.memoryLimit());
        this.scratch = pool.newQueryAllocator("planner");
        this.tempStorage = new TempStorage(config.tempDirectory(), config.maxTempDirectorySize());
        OPEN.add(this);
    }

    /**
     * Sessions opened and not yet closed, oldest first. For diagnostics, and for the tests' leak check,
     * which fails a test that leaves a session open.
     */
    public static List<Session> openSessions() {
        return OPEN.stream().sorted(Comparator.comparingLong(session -> session.id)).toList();
    }

    /** The stack of the call that opened this session. */
    public StackTraceElement[] openedAt() {
        return openedAt.getStackTrace();
    }

    public ExecutionConfig config() {
        return config;
    }

    /** Changes a setting for the following queries, as {@code SET name = value} does. */
    public synchronized void set(String name, String value) {
        Setting setting = Setting.bySqlName(name);
        config = config.with(setting, value);
        if (setting == Setting.MEMORY_LIMIT) {
            pool.setLimit(config.memoryLimit());
        }
        if (setting == Setting.MAX_TEMP_DIRECTORY_SIZE) {
            tempStorage.setMaxBytes(config.maxTempDirectorySize());
        }
        if (setting == Setting.TEMP_DIRECTORY) {
            // Running queries keep their files in the old folder; it is removed when the session closes.
            retiredStorage.add(tempStorage);
            tempStorage = new TempStorage(config.tempDirectory(), config.maxTempDirectorySize());
        }
    }

    public synchronized void reset(String name) {
        Setting setting = Setting.bySqlName(name);
        set(setting.sqlName(), ExecutionConfig.fromEnvironment(System.getenv()).display(setting).replace(" ", ""));
    }

    public MemoryPool memoryPool() {
        return pool;
    }

    public TempStorage tempStorage() {
        return tempStorage;
    }

    private final List<TempStorage> retiredStorage = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Queries started and not yet seen closed, for {@link #progress()}. */
    private final Set<QueryExecution> running = ConcurrentHashMap.newKeySet();

    /** The spill files that exist now, of every query, largest first. */
    public List<SpillFile> spillFiles() {
        List<SpillFile> files = new ArrayList<>(tempStorage.files());
        retiredStorage.forEach(storage -> files.addAll(storage.files()));
        files.sort(Comparator.comparingLong(SpillFile::size).reversed());
        return files;
    }

    // ---- SQL

    /** One SQL statement: a query gives a lazy DataFrame; other statements run now and give an empty one. */
    public DataFrame sql(String statement) {
        List<String> statements = frontend().split(statement);
        if (statements.size() != 1) {
            throw SpillwayException.userError("sql() takes exactly one statement, got %d; use execute() for scripts", statements.size());
        }
        return switch (execute(statements.get(0))) {
            case StatementResult.Rows rows -> rows.frame();
            case StatementResult.Done done -> new DataFrame(this, new Values(Schema.EMPTY, List.of()));
        };
    }

    /** Splits a script into statements (semicolons outside quotes and comments). */
    public List<String> splitStatements(String script) {
        return frontend().split(script);
    }

    /** Parses and runs (or, for queries, prepares) one statement. */
    public StatementResult execute(String statement) {
        return switch (frontend().parse(statement, catalog)) {
            case Statement.Query query -> new StatementResult.Rows(new DataFrame(this, query.plan()));
            case Statement.Explain explain -> new StatementResult.Rows(explain.analyze() ? textFrame("explain_analyze", explainAnalyze(explain.plan()))
                    : textFrame("explain", explain(explain.plan())));
            case Statement.Copy copy -> {
                long rows = CopyTo.run(this, copy.plan(), copy.path(), copy.options());
                yield new StatementResult.Done("wrote " + rows + (rows == 1 ? " row" : " rows") + " to " + copy.path());
            }
            case Statement.CreateView view -> {
                catalog.createView(view.name(), view.plan(), view.replace());
                yield new StatementResult.Done("created view " + view.name());
            }
            case Statement.DropView view -> {
                catalog.dropView(view.name(), view.ifExists());
                yield new StatementResult.Done("dropped view " + view.name());
            }
            case Statement.Set set -> {
                set(set.name(), set.value());
                yield new StatementResult.Done(set.name() + " = " + set.value());
            }
            case Statement.Reset reset -> {
                reset(reset.name());
                yield new StatementResult.Done("reset " + reset.name());
            }
        };
    }

    private SqlFrontend frontend() {
        SqlFrontend frontend = sqlFrontend;
        if (frontend == null) {
            frontend = ServiceLoader.load(SqlFrontend.class).findFirst().orElseThrow(() -> SpillwayException.userError(
                    "SQL is not available: add the spillway-sql module to the classpath"));
            sqlFrontend = frontend;
        }
        return frontend;
    }

    // ---- DataFrame sources

    /** A file or glob; the format comes from the extension (.parquet, .csv, .tsv, .json, .jsonl, .ndjson). */
    public DataFrame read(String path) {
        return new DataFrame(this, catalog.file(path));
    }

    /** Any table function, e.g. {@code table("read_csv", List.of("f.csv"), Map.of("delim", ";"))}. */
    public DataFrame table(String function, List<Object> args, Map<String, Object> options) {
        return new DataFrame(this, catalog.tableFunction(function, args, options));
    }

    public DataFrame range(long stop) {
        return table("range", List.of(stop), Map.of());
    }

    public DataFrame tpch(String table, double scaleFactor) {
        return table("tpch", List.of(table, scaleFactor), Map.of());
    }

    /** Memory and temporary-file bytes per tag, taken when the frame is collected: {@code SELECT * FROM memory()}. */
    public DataFrame memory() {
        return table("memory", List.of(), Map.of());
    }

    /** The spill files that exist when the frame is collected: {@code SELECT * FROM temporary_files()}. */
    public DataFrame temporaryFiles() {
        return table("temporary_files", List.of(), Map.of());
    }

    public DataFrame view(String name) {
        return new DataFrame(this, catalog.view(name).orElseThrow(() -> SpillwayException.userError("view %s does not exist", name)));
    }

    public void createView(String name, DataFrame frame) {
        catalog.createView(name, frame.logicalPlan(), true);
    }

    // ---- execution

    LogicalPlan optimize(LogicalPlan plan) {
        return new Optimizer(scratch).optimize(plan);
    }

    BatchStream execute(LogicalPlan plan) {
        ExecutionConfig current = config;
        PhysicalPlan physical = new PhysicalPlanner(current).plan(optimize(plan));
        QueryExecution execution = new QueryExecution(QUERY_IDS.incrementAndGet(), physical, current, pool, tempStorage);
        started(execution);
        return new BatchStream(plan.schema(), execution);
    }

    private void started(QueryExecution execution) {
        running.removeIf(QueryExecution::isClosed);
        running.add(execution);
        execution.start();
    }

    /** What the running queries are doing now: scan progress, memory in use, bytes spilled. */
    public Progress progress() {
        running.removeIf(QueryExecution::isClosed);
        int queries = 0;
        long rows = 0;
        long bytesDone = 0;
        long bytesPlanned = 0;
        long tasksDone = 0;
        long tasksPlanned = 0;
        for (QueryExecution execution : running) {
            var scans = execution.context().scanProgress();
            queries++;
            rows += scans.rows();
            bytesDone += scans.bytesDone();
            bytesPlanned += scans.bytesPlanned();
            tasksDone += scans.tasksDone();
            tasksPlanned += scans.tasksPlanned();
        }
        return new Progress(queries, rows, bytesDone, bytesPlanned, tasksDone, tasksPlanned, pool.used(), pool.spilledBytes());
    }

    String explain(LogicalPlan plan) {
        LogicalPlan optimized = optimize(plan);
        PhysicalPlan physical = new PhysicalPlanner(config).plan(optimized);
        return "Logical plan:\n" + PlanPrinter.print(optimized) + "\nPhysical plan:\n" + PhysicalPlanPrinter.print(physical);
    }

    /**
     * Runs the query to the end, discarding its rows, with every operator timed and counted; returns the
     * plan with each operator's rows, batches, wall and CPU time, peak memory and spilled bytes and files.
     */
    String explainAnalyze(LogicalPlan plan) {
        ExecutionConfig current = config;
        PhysicalPlan physical = new PhysicalPlanner(current).plan(optimize(plan));
        QueryProfile profile = new QueryProfile();
        long start = System.nanoTime();
        long rows = 0;
        QueryExecution execution = new QueryExecution(QUERY_IDS.incrementAndGet(), physical, current, pool, tempStorage, profile);
        started(execution);
        try (BatchStream stream = new BatchStream(plan.schema(), execution)) {
            while (stream.hasNext()) {
                try (var batch = stream.next()) {
                    rows += batch.rowCount();
                }
            }
        }
        profile.finished(System.nanoTime() - start);
        return "Physical plan, analyzed:\n" + ProfilePrinter.print(physical, profile, rows, execution.context().allocator().getPeakMemoryAllocation());
    }

    private DataFrame textFrame(String column, String text) {
        List<List<Object>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            rows.add(List.of(line));
        }
        return new DataFrame(this, new Values(Schema.of(Field.of(column, DataType.VARCHAR)), rows));
    }

    /** Frees the engine's memory; fails if a query still holds some (a leak). */
    @Override
    public void close() {
        try {
            tempStorage.close();
            retiredStorage.forEach(TempStorage::close);
            scratch.close();
            pool.close();
        } finally {
            OPEN.remove(this);
        }
    }

    @Override
    public String toString() {
        return "Session " + id + " (" + Sizes.format(pool.used()) + " in use)";
    }
}
