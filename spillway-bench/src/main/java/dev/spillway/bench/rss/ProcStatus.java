package dev.spillway.bench.rss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory figures of {@code /proc/<pid>/status}: lines such as {@code VmHWM:   123456 kB}. */
public record ProcStatus(long residentBytes, long peakResidentBytes) {
    public static final Path SELF = Path.of("/proc/self/status");

    public static ProcStatus read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses the text of a status file; both VmRSS and VmHWM must be present. */
    public static ProcStatus parse(String text) {
        OptionalLong rss = field(text, "VmRSS");
        OptionalLong hwm = field(text, "VmHWM");
        if (rss.isEmpty() || hwm.isEmpty()) {
            throw new IllegalArgumentException("no VmRSS and VmHWM lines in the status text");
        }
        return new ProcStatus(rss.getAsLong(), hwm.getAsLong());
    }

    /** The value of one {@code Name: <number> kB} line in bytes, if the line exists. */
    public static OptionalLong field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + ":")) {
                String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                if (parts.length > 1 && !parts[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("unexpected unit in: " + line);
                }
                return OptionalLong.of(parts.length > 1 ? value * 1024 : value);
            }
        }
        return OptionalLong.empty();
    }
}
