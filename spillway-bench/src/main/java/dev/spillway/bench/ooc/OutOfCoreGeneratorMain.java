package dev.spillway.bench.ooc;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the child JVM that writes one of the suite's tables: {@code <table> <rows> <file>}.
 * Spillway's {@code COPY} writes a hidden file and renames it when complete, so a file that exists is whole.
 */
public final class OutOfCoreGeneratorMain {
    private OutOfCoreGeneratorMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: OutOfCoreGeneratorMain <x|o> <rows> <file>");
            System.exit(2);
        }
        OutOfCoreTable table = OutOfCoreTable.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        long rows = Long.parseLong(args[1]);
        Path file = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        try (Session session = Spillway.open(ExecutionConfig.defaults())) {
            session.execute(table.copySql(rows, file));
        }
    }
}
