package dev.spillway.sql.slt;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the records of one golden file, in order, in a fresh Spillway session and a fresh DuckDB database,
 * and checks each record in both: Spillway against the expected block (or the known bug marking it), DuckDB
 * against the same block unless the record says why DuckDB differs. Spillway must hold no memory after any
 * record. {@code __TEST_DIR__} in SQL, paths and messages is a temporary directory of this file's run.
 */
final class SltFileRun implements AutoCloseable {
    private static final String TEST_DIR = "__TEST_DIR__";
    private static final int SHOWN_LINES = 40;

    private final Path file;
    private final String text;
    private final Completion completion;
    private final Map<SltRecord.Query, SltResult> rewrites = new LinkedHashMap<>();
    private SpillwayEngine spillway;
    private DuckDbEngine duckDb;
    private Path testDirectory;

    SltFileRun(Path file, String text, Completion completion) {
        this.file = file;
        this.text = text;
        this.completion = completion;
    }

    void run(SltRecord record) {
        List<String> failures = new ArrayList<>();
        switch (record) {
            case SltRecord.Statement statement -> statement(statement, failures);
            case SltRecord.Query query -> query(query, failures);
            case SltRecord.WriteFile write -> writeFile(write);
            case SltRecord.WriteParquet write -> spillway().writeParquet(substitute(write.sql()), Path.of(substitute(write.path())));
        }
        long held = spillway == null ? 0 : spillway.session().memoryPool().used();
        if (held != 0) {
            failures.add("Spillway holds " + held + " bytes after the record: " + spillway.session().memoryPool().consumers());
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(file.getFileName() + ":" + record.line() + "\n" + String.join("\n\n", failures));
        }
    }

    private void statement(SltRecord.Statement record, List<String> failures) {
        String sql = substitute(record.sql());
        Outcome spillwayOutcome = Outcome.of(() -> {
            spillway().statement(sql);
            return null;
        });
        ErrorExpectation error = record.error() == null ? null : record.error().withText(substitute(record.error().text()));
        String problem;
        if (error == null) {
            problem = spillwayOutcome.failed() ? "fails: " + describe(spillwayOutcome.error()) : null;
        } else if (!spillwayOutcome.failed()) {
            problem = "runs without the expected error (" + error.text() + ")";
        } else if (!(spillwayOutcome.error() instanceof SpillwayException e) || e.kind() == ErrorKind.INTERNAL) {
            problem = "fails with an internal error instead of a message for the user: " + describe(spillwayOutcome.error());
        } else if (!error.matches(spillwayOutcome.errorMessage())) {
            problem = "fails with the message\n  " + spillwayOutcome.errorMessage() + "\nwhich does not contain\n  " + error.text();
        } else {
            problem = null;
        }
        checkSpillway(record, problem, failures);
        if (record.annotations().checkInDuckDb()) {
            Outcome duckDbOutcome = Outcome.of(() -> {
                duckDb().statement(sql);
                return null;
            });
            if (error == null && duckDbOutcome.failed()) {
                failures.add("DuckDB (the reference) fails on it: " + duckDbOutcome.errorMessage()
                        + "\n(if Spillway deliberately differs, say why with '# duckdb-differs: reason')");
            } else if (error != null && !duckDbOutcome.failed()) {
                failures.add("DuckDB (the reference) runs it without error"
                        + " (if Spillway deliberately differs, say why with '# duckdb-differs: reason')");
            }
        }
    }

    private void query(SltRecord.Query record, List<String> failures) {
        String sql = substitute(record.sql());
        Outcome spillwayOutcome = Outcome.of(() -> spillway().query(sql));
        Outcome duckDbOutcome = record.annotations().checkInDuckDb() ? Outcome.of(() -> duckDb().query(sql)) : null;
        String types = record.types();
        List<String> expected = record.expected();
        SltResult completed = switch (completion) {
            case OFF -> null;
            case SPILLWAY -> record.annotations().knownBug() == null ? spillwayOutcome.result() : null;
            case DUCKDB -> duckDbOutcome == null ? null : duckDbOutcome.result();
        };
        if (completed != null) {
            rewrites.put(record, completed);
            types = completed.types();
            expected = completed.lines(record.sortMode());
        }
        checkSpillway(record, problem(spillwayOutcome, types, expected, record.sortMode()), failures);
        if (duckDbOutcome != null) {
            String problem = problem(duckDbOutcome, types, expected, record.sortMode());
            if (problem != null) {
                failures.add("DuckDB (the reference) " + problem
                        + "\n(if Spillway deliberately differs, say why with '# duckdb-differs: reason')");
            }
        }
    }

    /** What is wrong with an engine's answer to a query record, or null. */
    private static String problem(Outcome outcome, String types, List<String> expected, SortMode sortMode) {
        if (outcome.failed()) {
            return "fails: " + describe(outcome.error());
        }
        SltResult result = outcome.result();
        if (!result.types().equals(types) || !result.matches(expected, sortMode)) {
            return "answers (types " + result.types() + ")\n" + shown(result.lines(sortMode))
                    + "\nexpected (types " + types + ")\n" + shown(expected);
        }
        return null;
    }

    private static void checkSpillway(SltRecord record, String problem, List<String> failures) {
        if (record.annotations().knownBug() == null) {
            if (problem != null) {
                failures.add("Spillway " + problem);
            }
        } else if (problem == null) {
            failures.add("known bug " + record.annotations().knownBug() + " no longer shows here: Spillway now passes;"
                    + " remove the '# known-bug' line above this record (and the KnownBug constant when no test names it)");
        }
    }

    private void writeFile(SltRecord.WriteFile record) {
        try {
            Path target = Path.of(substitute(record.path()));
            Files.createDirectories(target.getParent());
            Files.writeString(target, substitute(record.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String substitute(String textWithPlaceholders) {
        if (!textWithPlaceholders.contains(TEST_DIR)) {
            return textWithPlaceholders;
        }
        return textWithPlaceholders.replace(TEST_DIR, testDirectory().toString().replace('\\', '/'));
    }

    private Path testDirectory() {
        if (testDirectory == null) {
            try {
                testDirectory = Files.createTempDirectory("spillway-slt-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return testDirectory;
    }

    private SpillwayEngine spillway() {
        if (spillway == null) {
            spillway = new SpillwayEngine();
        }
        return spillway;
    }

    private DuckDbEngine duckDb() {
        if (duckDb == null) {
            duckDb = new DuckDbEngine();
        }
        return duckDb;
    }

    private static String describe(Throwable error) {
        if (error instanceof SpillwayException e && e.kind() != ErrorKind.INTERNAL) {
            return e.getMessage();
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().limit(25).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String shown(List<String> lines) {
        if (lines.isEmpty()) {
            return "  (no rows)";
        }
        StringBuilder text = new StringBuilder();
        lines.stream().limit(SHOWN_LINES).forEach(line -> text.append("  ").append(line).append('\n'));
        if (lines.size() > SHOWN_LINES) {
            text.append("  ... ").append(lines.size() - SHOWN_LINES).append(" more\n");
        }
        return text.toString().stripTrailing();
    }

    /** Closes both engines (Spillway's close fails on leaked memory), then writes completed results, if any. */
    @Override
    public void close() {
        try {
            if (spillway != null) {
                SpillwayEngine engine = spillway;
                spillway = null;
                engine.close();
            }
        } finally {
            if (duckDb != null) {
                duckDb.close();
                duckDb = null;
            }
            deleteTestDirectory();
            if (!rewrites.isEmpty()) {
                SltRewriter.rewrite(file, text, rewrites);
                rewrites.clear();
            }
        }
    }

    private void deleteTestDirectory() {
        if (testDirectory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(testDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        testDirectory = null;
    }
}
