package dev.spillway.io.csv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spillway.io.text.ScanThroughput;
import org.junit.jupiter.api.Test;

/**
 * CSV scan throughput on a large file, run by hand (the machines running the suite are shared):
 * {@code SPILLWAY_PERF_FILE=/path/big.csv mvn test -Dtest=CsvThroughputTest}; also a main for profilers.
 */
public class CsvThroughputTest {
    public static void main(String[] args) throws Exception {
        new CsvThroughputTest().measure();
    }

    @Test
    void measure() throws Exception {
        String file = ScanThroughput.file();
        assumeTrue(file != null && file.endsWith(".csv"), "set SPILLWAY_PERF_FILE to a .csv file to measure");
        ScanThroughput.measure(() -> dev.spillway.io.csv.CsvSource.of(file), ScanThroughput.threads(), ScanThroughput.rounds());
    }
}
