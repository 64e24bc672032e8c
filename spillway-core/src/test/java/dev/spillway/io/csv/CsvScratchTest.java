package dev.spillway.io.csv;

import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class CsvScratchTest {
    @Test
    void scratch() {
        for (String f : java.util.Objects.requireNonNullElse(System.getenv("FILES"), "").split(",")) {
            if (f.isBlank()) continue;
            BufferAllocator allocator = TestAllocators.newRoot();
            try {
                CsvSource source = CsvSource.of("/tmp/probe/" + f);
                System.out.println(f + ": " + source.describe() + " " + source.schema());
                System.out.println("   " + ScanResults.readAll(source, allocator));
            } catch (Exception e) {
                System.out.println(f + ": ERROR " + e);
            }
            TestAllocators.closeChecked(allocator);
        }
    }
}
