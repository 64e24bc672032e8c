package dev.spillway.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.data.Vectors;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

class KeyColumnStoreTest {
    @Test
    void measuringTheStoreWhileItFillsKeepsEveryStringKey() {
        BufferAllocator allocator = TestAllocators.newRoot();
        try (KeyColumnStore store = new KeyColumnStore(DataType.VARCHAR, allocator);
                VarCharVector input = strings(allocator, List.of("alpha", "a key longer than seven bytes", "", "ünïcode"))) {
            long sizes = 0;
            for (int group = 0; group < 4; group++) {
                store.append(input, group, group);
                // The memory accounting asks for the size between appends; that must not touch the offsets.
                sizes += store.allocatedBytes();
            }
            assertThat(sizes).isPositive();
            FieldVector keys = store.chunk(0, 4);
            List<String> stored = new ArrayList<>();
            for (int row = 0; row < 4; row++) {
                stored.add(new String(((VarCharVector) keys).get(row), StandardCharsets.UTF_8));
            }
            assertThat(stored).containsExactly("alpha", "a key longer than seven bytes", "", "ünïcode");
        }
        TestAllocators.closeChecked(allocator);
    }

    @Test
    void keysEqualOnlyWhenEveryByteIsEqual() {
        // Same length and same first seven bytes, differing later: the packed word alone cannot tell them apart.
        List<String> values = List.of("abc", "abd", "ab", "abcdefgX", "abcdefgY", "abcdefg", "abcdefgh-long-tail-1", "abcdefgh-long-tail-2", "");
        BufferAllocator allocator = TestAllocators.newRoot();
        try (KeyColumnStore store = new KeyColumnStore(DataType.VARCHAR, allocator);
                VarCharVector input = strings(allocator, values)) {
            for (int group = 0; group < values.size(); group++) {
                store.append(input, group, group);
            }
            ProbeColumn probe = new ProbeColumn();
            probe.load(input, values.size());
            for (int group = 0; group < values.size(); group++) {
                for (int row = 0; row < values.size(); row++) {
                    assertThat(store.matches(group, probe, row)).as("%s vs %s", values.get(group), values.get(row)).isEqualTo(group == row);
                }
            }
        }
        TestAllocators.closeChecked(allocator);
    }

    private static VarCharVector strings(BufferAllocator allocator, List<String> values) {
        VarCharVector vector = Vectors.allocateVarchar("s", values.size(), 256, allocator);
        for (int i = 0; i < values.size(); i++) {
            vector.setSafe(i, values.get(i).getBytes(StandardCharsets.UTF_8));
        }
        vector.setValueCount(values.size());
        return vector;
    }
}
