package dev.spillway.sql.differential;

import dev.spillway.sql.parse.ScriptSplitter;
import dev.spillway.sql.testing.KnownBug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hand-written query families: {@code src/test/resources/differential/*.sql}, statements separated by
 * semicolons. Comment lines inside a statement may say {@code -- known-bug: NAME} (see {@link KnownBug}) or
 * {@code -- duckdb-differs: reason}.
 */
final class QueryFiles {
    static final Path ROOT = Path.of("src/test/resources/differential");

    private QueryFiles() {}

    static List<Path> files() {
        try (Stream<Path> files = Files.list(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DifferentialQuery> read(Path file) {
        String script;
        try {
            script = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DifferentialQuery> queries = new ArrayList<>();
        for (String statement : ScriptSplitter.split(script)) {
            KnownBug knownBug = null;
            String duckDbDiffers = null;
            int line = 0;
            List<String> sqlLines = new ArrayList<>();
            List<String> lines = statement.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (text.startsWith("-- known-bug:")) {
                    knownBug = KnownBug.valueOf(text.substring("-- known-bug:".length()).strip().split("\\s+")[0]);
                } else if (text.startsWith("-- duckdb-differs:")) {
                    duckDbDiffers = text.substring("-- duckdb-differs:".length()).strip();
                } else if (!text.isEmpty() && !text.startsWith("--")) {
                    if (sqlLines.isEmpty()) {
                        line = i + 1;
                    }
                    sqlLines.add(lines.get(i));
                }
            }
            String name = file.getFileName() + ":" + line;
            queries.add(new DifferentialQuery(name, String.join("\n", sqlLines).strip(), knownBug, duckDbDiffers));
        }
        return queries;
    }
}
