package dev.spillway.bench.engine;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.tempfiles.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A benchmark query that needs statements before it, e.g. one that writes a file and then checks it. The
 * convention is the same for both engines, so one text serves both:
 *
 * <ul>
 *   <li>parts are separated by a line holding only {@code ;}, so a text without such a line is one query,
 *       as every TPC-H text is;
 *   <li>every part but the last is a statement that returns no rows ({@code COPY}, {@code CREATE VIEW},
 *       {@code SET}); the last part is the query whose rows are the answer;
 *   <li>{@code {output}} stands for a file path in a fresh folder of the engine's own (under {@link
 *       EngineSetup#outputDirectory()}), which is deleted with everything in it after the run. It is meant to
 *       be used inside a string literal: a quote in the path is doubled.
 * </ul>
 *
 * <p>The statements are part of the timed run: writing a sorted file is the work a sort benchmark measures.
 */
public record BenchScript(List<String> statements, String query) {
    /** The separator line's content. */
    public static final String SEPARATOR = ";";
    public static final String OUTPUT = "{output}";
    /** The file name {@code {output}} ends in; the folder around it is what makes it unique. */
    static final String OUTPUT_FILE_NAME = "output.parquet";

    public BenchScript {
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
        requireNonNull(query, "query is null");
    }

    /** @throws IllegalArgumentException when a part is empty */
    public static BenchScript parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.strip().equals(SEPARATOR)) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(line).append('\n');
            }
        }
        parts.add(part.toString().strip());
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).isEmpty()) {
                throw new IllegalArgumentException("part " + (i + 1) + " of " + parts.size()
                        + " of the script is empty (parts are separated by a line holding only ';')");
            }
        }
        return new BenchScript(parts.subList(0, parts.size() - 1), parts.getLast());
    }

    public boolean usesOutput() {
        return query.contains(OUTPUT) || statements.stream().anyMatch(statement -> statement.contains(OUTPUT));
    }

    /** The script with {@code {output}} replaced by {@code file}, quotes doubled for a SQL string literal. */
    public BenchScript withOutput(Path file) {
        String path = file.toAbsolutePath().toString().replace("'", "''");
        return new BenchScript(statements.stream().map(statement -> statement.replace(OUTPUT, path)).toList(), query.replace(OUTPUT, path));
    }

    /**
     * Runs the script: the statements in order, then the query, in a fresh output folder if the script
     * needs one, which is deleted afterwards whether the run succeeded or not.
     *
     * @param executeStatement runs one statement; fails if it returned rows
     * @param runQuery         runs the query and hands its rows on
     */
    public <T> T run(Path outputDirectory, Consumer<String> executeStatement, Function<String, T> runQuery) {
        if (!usesOutput()) {
            statements.forEach(executeStatement);
            return runQuery.apply(query);
        }
        Path folder = newFolder(outputDirectory);
        try {
            BenchScript bound = withOutput(folder.resolve(OUTPUT_FILE_NAME));
            bound.statements().forEach(executeStatement);
            return runQuery.apply(bound.query());
        } finally {
            Directories.deleteRecursively(folder);
        }
    }

    /** The error an engine reports when a statement before the query returned rows. */
    public static IllegalArgumentException statementReturnedRows(String statement) {
        return new IllegalArgumentException("a script statement returned rows; only the last part of a script may be a query: "
                + statement.strip().replaceAll("\\s+", " "));
    }

    /** A unique folder, so that a worker killed half-way through a run leaves nothing its successor could trip on. */
    private static Path newFolder(Path outputDirectory) {
        try {
            Files.createDirectories(outputDirectory);
            return Files.createTempDirectory(outputDirectory, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the script's output in " + outputDirectory, e);
        }
    }
}
