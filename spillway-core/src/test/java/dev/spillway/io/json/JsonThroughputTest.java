package dev.spillway.io.json;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spillway.io.text.ScanThroughput;
import org.junit.jupiter.api.Test;

/** JSON scan throughput on a large file, run by hand: {@code SPILLWAY_PERF_FILE=/path/big.json mvn test -Dtest=JsonThroughputTest}. */
public class JsonThroughputTest {
    public static void main(String[] args) throws Exception {
        new JsonThroughputTest().measure();
    }

    @Test
    void measure() throws Exception {
        String file = ScanThroughput.file();
        assumeTrue(file != null && file.endsWith(".json"), "set SPILLWAY_PERF_FILE to a .json file to measure");
        ScanThroughput.measure(() -> JsonLinesSource.of(file), ScanThroughput.threads(), ScanThroughput.rounds());
    }
}
