package dev.spillway.sql.slt;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden SQL files under {@code src/test/resources/slt/<feature>/}: one container per file, one test
 * per record, and a last test per file that closes its session (which fails if memory leaked).
 *
 * <p>{@code -Dslt.files=joins} runs only the files whose path contains the text; {@code -Dslt.complete=...}
 * rewrites expected results (see {@link Completion}).
 */
class SltTest {
    private static final Path ROOT = Path.of("src/test/resources/slt");

    /** Runs not yet closed by their last test, closed after the factory when a filter skipped that test. */
    private final List<SltFileRun> runs = new ArrayList<>();

    @TestFactory
    Stream<DynamicNode> goldenFiles() throws IOException {
        String filter = System.getProperty("slt.files", "");
        Completion completion = Completion.fromSystemProperty();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(ROOT)) {
            files = paths.filter(path -> path.toString().endsWith(".slt"))
                    .filter(path -> ROOT.relativize(path).toString().contains(filter))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no .slt files under " + ROOT.toAbsolutePath() + " match '" + filter + "'");
        }
        return files.stream().map(file -> container(file, completion));
    }

    private DynamicNode container(Path file, Completion completion) {
        String name = ROOT.relativize(file).toString();
        URI source = file.toUri();
        String text;
        List<SltRecord> records;
        try {
            text = Files.readString(file);
            records = SltParser.parse(name, text);
        } catch (IOException | RuntimeException e) {
            return dynamicTest(name + " (does not parse)", source, () -> {
                throw e;
            });
        }
        SltFileRun run = new SltFileRun(file, text, completion);
        runs.add(run);
        Stream<DynamicTest> tests = records.stream().map(record -> dynamicTest(
                testName(record), URI.create(source + "?line=" + record.line()), () -> run.run(record)));
        DynamicTest closing = dynamicTest("closes its session without leaking memory", source, () -> {
            runs.remove(run);
            run.close();
        });
        return dynamicContainer(name, source, Stream.concat(tests, Stream.of(closing)));
    }

    private static String testName(SltRecord record) {
        String what = switch (record) {
            case SltRecord.Statement statement -> statement.sql();
            case SltRecord.Query query -> query.sql();
            case SltRecord.WriteFile write -> "file " + write.path();
            case SltRecord.WriteParquet write -> "parquet " + write.path();
        };
        String firstLine = what.strip().lines().findFirst().orElse("");
        return "line " + record.line() + ": " + (firstLine.length() > 80 ? firstLine.substring(0, 77) + "..." : firstLine);
    }

    @AfterEach
    void closeSkippedRuns() {
        for (SltFileRun run : runs) {
            run.close();
        }
        runs.clear();
    }
}
