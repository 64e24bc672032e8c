package dev.spillway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {
    @Test
    void rendersOneAlignedLinePerQueryAndTheGeometricMean() {
        String text = ConsoleTable.render(ReportFixtures.mixedReport());
        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("TPC-H SF 1, 2 threads: Spillway vs DuckDB");
        assertThat(lines.get(2)).startsWith("Query  Status   Spillway median ms  Spillway min ms  DuckDB median ms");
        assertThat(lines.get(3)).matches("[- ]+");
        // Median of 2000, 1500, 1800 ms is 1800; DuckDB's is 500: ratio 3.60. RSS and temporary files in MiB; temporary
        // files already there at the start are in brackets, none there shows no brackets.
        assertThat(lines.get(4).split("\\s\\s+"))
                .containsExactly("Q01", "OK", "1800", "1500", "500.0", "450.0", "3.60", "900 (95)", "300 (110)", "2048", "1500 (300)");
        assertThat(lines.get(5).split("\\s\\s+"))
                .containsExactly("Q03", "FAILED", "3.00", "3.00", "1.00", "1.00", "3.00", "200 (150)", "100 (99)", "0", "0");
        assertThat(lines.get(6).split("\\s\\s+"))
                .containsExactly("Q09", "TIMEOUT", "timeout", "timeout", "700.0", "700.0", "-", "-", "-", "-", "-");
        // An unknown start leaves just the peak.
        assertThat(lines.get(7)).matches(".*\\s250 \\(200\\)\\s+120\\s+0\\s+0");
        // Every row is as wide as the header: the columns line up.
        assertThat(lines.get(4).length()).isEqualTo(lines.get(2).length());
        // Only the OK queries count: sqrt(3.6 * 4.0).
        assertThat(text).contains("Geometric mean of Spillway/DuckDB ratios: 3.79 over 2 of 4 queries (OK queries only)");
    }
}
