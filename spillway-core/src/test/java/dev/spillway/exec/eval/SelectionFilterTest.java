package dev.spillway.exec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectionFilterTest {
    private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INTEGER), Field.of("b", DataType.INTEGER), Field.of("s", DataType.VARCHAR));
    private static final ColumnRef A = new ColumnRef(0, "a", DataType.INTEGER);
    private static final ColumnRef B = new ColumnRef(1, "b", DataType.INTEGER);
    private static final ColumnRef S = new ColumnRef(2, "s", DataType.VARCHAR);

    private BufferAllocator allocator;
    private Batch batch;

    @BeforeEach
    void open() {
        allocator = TestAllocators.newRoot();
        try (BatchBuilder builder = new BatchBuilder(SCHEMA, 6, allocator)) {
            builder.appendRow(1, 0, "apple");
            builder.appendRow(7, 3, "banana");
            builder.appendRow(null, 2, null);
            builder.appendRow(9, 4, "cherry");
            builder.appendRow(5, null, "apple");
            builder.appendRow(10, 3, "");
            batch = builder.finish();
        }
    }

    @AfterEach
    void close() {
        batch.close();
        TestAllocators.closeChecked(allocator);
    }

    private int[] select(Expr predicate) {
        int[] selection = new int[batch.rowCount()];
        int count = SelectionFilter.compile(predicate).select(batch, selection, new EvalContext(allocator));
        return Arrays.copyOf(selection, count);
    }

    @Test
    void comparesColumnsWithConstantsAndSkipsNulls() {
        assertThat(select(Functions.call(Function.GREATER_THAN, A, Literal.of(5)))).containsExactly(1, 3, 5);
        assertThat(select(Functions.call(Function.LESS_THAN_OR_EQUAL, Literal.of(5), A))).containsExactly(1, 3, 4, 5);
        assertThat(select(Functions.call(Function.EQUAL, S, Literal.of("apple")))).containsExactly(0, 4);
        assertThat(select(Functions.call(Function.NOT_EQUAL, S, Literal.of("apple")))).containsExactly(1, 3, 5);
    }

    @Test
    void laterTermsOnlySeeRowsThatPassedEarlierOnes() {
        // b <> 0 AND a % b = 1: the modulo would fail on row 0 (b = 0) if it were evaluated there.
        Expr predicate = Functions.call(Function.AND,
                Functions.call(Function.NOT_EQUAL, B, Literal.of(0)),
                Functions.call(Function.EQUAL, Functions.call(Function.MODULO, A, B), Literal.of(1)));
        assertThat(select(predicate)).containsExactly(1, 3, 5);
    }

    @Test
    void inListsOfConstants() {
        assertThat(select(Functions.call(Function.IN, S, Literal.of("apple"), Literal.of("cherry"), Literal.of("")))).containsExactly(0, 3, 4, 5);
        assertThat(select(Functions.call(Function.IN, A, Literal.of(7), Literal.of(10), Literal.of(42)))).containsExactly(1, 5);
    }

    @Test
    void generalTermsAndEmptyResults() {
        assertThat(select(Functions.call(Function.LIKE, S, Literal.of("%an%")))).containsExactly(1);
        assertThat(select(Functions.call(Function.IS_NULL, A))).containsExactly(2);
        assertThat(select(Functions.call(Function.AND, Functions.call(Function.GREATER_THAN, A, Literal.of(100)),
                Functions.call(Function.IS_NULL, S)))).isEmpty();
    }
}
