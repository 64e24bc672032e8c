package dev.spillway.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturedResultTest {
    @TempDir
    Path directory;

    @Test
    void aWrittenAnswerReadsBackExactly() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(true, 7, 8L, 0.1 + 0.2, new BigDecimal("12.3400"), "Ñandú", LocalDate.of(1998, 9, 2),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000)));
        rows.add(Arrays.asList(null, null, null, null, null, null, null, null));
        CapturedResult written = new CapturedResult(List.of("b", "i", "l", "d", "dec", "s", "date", "ts"), rows);
        Path file = directory.resolve("answer");
        written.write(file);

        CapturedResult read = CapturedResult.read(file);
        assertThat(read).isEqualTo(written);
        assertThat(((BigDecimal) read.rows().getFirst().get(4)).scale()).isEqualTo(4);
        assertThat((Double) read.rows().getFirst().get(3)).isEqualTo(0.30000000000000004);
    }

    @Test
    void readingAdmitsOnlyJdkClasses() throws IOException {
        Path file = directory.resolve("foreign");
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new ArrayList<>(List.of("k")));
            objects.writeObject(new ArrayList<>(List.of(new ArrayList<>(List.of(new Foreign())))));
        }
        assertThatThrownBy(() -> CapturedResult.read(file)).isInstanceOf(IOException.class);
    }

    /** Anything from outside the JDK, such as a class of the benchmark itself. */
    record Foreign() implements java.io.Serializable {}
}
