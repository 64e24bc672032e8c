package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.expr.Call;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.expr.Literal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Evaluates a filter predicate into the list of qualifying rows.
 *
 * <p>Algorithm: a conjunction refines a selection term by term (as DuckDB does), so each term only looks
 * at the rows that passed the previous ones and no intermediate boolean vectors are built.
 * {@code column <op> constant} on numbers, dates and strings has its own loops; any other term is
 * evaluated on the surviving rows only (never on rows an earlier term rejected, so {@code b <> 0 AND
 * a % b = 1} cannot divide by zero).
 */
public final class SelectionFilter {
    private final List<Term> terms;

    private SelectionFilter(List<Term> terms) {
        this.terms = terms;
    }

    public static SelectionFilter compile(Expr predicate) {
        List<Term> terms = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(predicate)) {
            terms.add(term(conjunct));
        }
        return new SelectionFilter(terms);
    }

    /** Writes the qualifying row numbers of the batch to {@code selection}; returns how many. */
    public int select(Batch batch, int[] selection, EvalContext context) {
        int count = batch.rowCount();
        for (int i = 0; i < count; i++) {
            selection[i] = i;
        }
        for (Term term : terms) {
            if (count == 0) {
                break;
            }
            count = term.refine(batch, selection, count, context);
        }
        return count;
    }

    /** One conjunct: keeps the selected rows for which it is TRUE. */
    private interface Term {
        int refine(Batch batch, int[] selection, int count, EvalContext context);
    }

    private static Term term(Expr conjunct) {
        if (conjunct instanceof Call call && call.function().isComparison() && call.function() != Function.IS_DISTINCT_FROM
                && call.function() != Function.IS_NOT_DISTINCT_FROM) {
            Expr left = call.args().get(0);
            Expr right = call.args().get(1);
            Function op = call.function();
            if (left instanceof Literal && right instanceof ColumnRef) {
                Expr swap = left;
                left = right;
                right = swap;
                op = op.flip();
            }
            if (left instanceof ColumnRef column && right instanceof Literal constant && constant.value() != null) {
                Physical physical = Physical.of(column.type());
                if (physical == Physical.INT32 || physical == Physical.INT64 || physical == Physical.FLOAT64 || physical == Physical.UTF8) {
                    return new ConstantComparison(column.index(), physical, ComparisonExpression.mask(op), constantValue(column, constant));
                }
            }
        }
        if (conjunct instanceof Call call && call.function() == Function.IN && call.args().get(0) instanceof ColumnRef column
                && call.args().subList(1, call.args().size()).stream().allMatch(a -> a instanceof Literal literal && literal.value() != null)) {
            Physical physical = Physical.of(column.type());
            if (physical == Physical.INT32 || physical == Physical.INT64 || physical == Physical.UTF8) {
                List<Object> values = new ArrayList<>();
                for (Expr arg : call.args().subList(1, call.args().size())) {
                    values.add(constantValue(column, (Literal) arg));
                }
                return new InListTerm(column.index(), physical, values);
            }
        }
        return new GeneralTerm(conjunct);
    }

    /** {@code column IN (c1, c2, ...)} with non-NULL constants: short lists compared in place, long ones hashed. */
    private static final class InListTerm implements Term {
        private final int column;
        private final Physical physical;
        private final long[] numbers;
        private final byte[][] strings;
        private final java.util.Set<Long> numberSet;

        InListTerm(int column, Physical physical, List<Object> values) {
            this.column = column;
            this.physical = physical;
            if (physical == Physical.UTF8) {
                this.strings = values.toArray(byte[][]::new);
                this.numbers = null;
                this.numberSet = null;
            } else {
                this.numbers = values.stream().mapToLong(v -> (Long) v).toArray();
                this.strings = null;
                this.numberSet = numbers.length > 16 ? new java.util.HashSet<>(values.stream().map(v -> (Long) v).toList()) : null;
            }
        }

        @Override
        public int refine(Batch batch, int[] selection, int count, EvalContext context) {
            FieldVector vector = batch.column(column);
            if (vector instanceof NullVector) {
                return 0;
            }
            long data = vector.getDataBuffer().memoryAddress();
            long validity = Vectors.hasNulls(vector, batch.rowCount()) ? vector.getValidityBuffer().memoryAddress() : 0;
            int kept = 0;
            if (physical == Physical.UTF8) {
                var buffer = vector.getDataBuffer();
                long offsets = vector.getOffsetBuffer().memoryAddress();
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    int start = MemoryUtil.getInt(offsets + ((long) row << 2));
                    int length = MemoryUtil.getInt(offsets + ((long) row << 2) + 4) - start;
                    if ((validity == 0 || ConstantComparison.valid(validity, row)) && containsString(buffer, start, length)) {
                        selection[kept++] = row;
                    }
                }
                return kept;
            }
            boolean ints = physical == Physical.INT32;
            for (int k = 0; k < count; k++) {
                int row = selection[k];
                long v = ints ? MemoryUtil.getInt(data + ((long) row << 2)) : MemoryUtil.getLong(data + ((long) row << 3));
                if ((validity == 0 || ConstantComparison.valid(validity, row)) && containsNumber(v)) {
                    selection[kept++] = row;
                }
            }
            return kept;
        }

        private boolean containsNumber(long value) {
            if (numberSet != null) {
                return numberSet.contains(value);
            }
            for (long candidate : numbers) {
                if (candidate == value) {
                    return true;
                }
            }
            return false;
        }

        private boolean containsString(org.apache.arrow.memory.ArrowBuf buffer, int start, int length) {
            for (byte[] candidate : strings) {
                if (candidate.length == length && Strings.equals(buffer, start, length, candidate)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Object constantValue(ColumnRef column, Literal constant) {
        return switch (Physical.of(column.type())) {
            case INT32 -> (long) ConstantExpression.toInt(column.type(), constant.value());
            case INT64 -> ConstantExpression.toLong(column.type(), constant.value());
            case FLOAT64 -> constant.value();
            case UTF8 -> constant.value().toString().getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException();
        };
    }

    /** {@code column <op> constant}; the comparison outcome picks a bit of {@code mask} (less, equal, greater). */
    private record ConstantComparison(int column, Physical physical, int mask, Object constant) implements Term {
        @Override
        public int refine(Batch batch, int[] selection, int count, EvalContext context) {
            FieldVector vector = batch.column(column);
            if (vector instanceof NullVector) {
                return 0;
            }
            long data = vector.getDataBuffer().memoryAddress();
            long validity = Vectors.hasNulls(vector, batch.rowCount()) ? vector.getValidityBuffer().memoryAddress() : 0;
            boolean less = (mask & 1) != 0;
            boolean equal = (mask & 2) != 0;
            boolean greater = (mask & 4) != 0;
            int kept = 0;
            switch (physical) {
                case INT32, INT64 -> {
                    long c = (Long) constant;
                    boolean ints = physical == Physical.INT32;
                    for (int k = 0; k < count; k++) {
                        int row = selection[k];
                        long v = ints ? MemoryUtil.getInt(data + ((long) row << 2)) : MemoryUtil.getLong(data + ((long) row << 3));
                        boolean pass = v < c ? less : v == c ? equal : greater;
                        if (pass && (validity == 0 || valid(validity, row))) {
                            selection[kept++] = row;
                        }
                    }
                }
                case FLOAT64 -> {
                    double c = (Double) constant;
                    for (int k = 0; k < count; k++) {
                        int row = selection[k];
                        int cmp = ComparisonExpression.compareDoubles(Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) row << 3))), c);
                        boolean pass = cmp < 0 ? less : cmp == 0 ? equal : greater;
                        if (pass && (validity == 0 || valid(validity, row))) {
                            selection[kept++] = row;
                        }
                    }
                }
                case UTF8 -> {
                    byte[] c = (byte[]) constant;
                    var buffer = vector.getDataBuffer();
                    long offsets = vector.getOffsetBuffer().memoryAddress();
                    for (int k = 0; k < count; k++) {
                        int row = selection[k];
                        int start = MemoryUtil.getInt(offsets + ((long) row << 2));
                        int length = MemoryUtil.getInt(offsets + ((long) row << 2) + 4) - start;
                        int cmp = Strings.compare(buffer, start, length, c);
                        boolean pass = cmp < 0 ? less : cmp == 0 ? equal : greater;
                        if (pass && (validity == 0 || valid(validity, row))) {
                            selection[kept++] = row;
                        }
                    }
                }
                default -> throw new IllegalStateException(physical.toString());
            }
            return kept;
        }

        static boolean valid(long validity, int row) {
            return ((MemoryUtil.getByte(validity + (row >>> 3)) >>> (row & 7)) & 1) != 0;
        }
    }

    /** Any other predicate, evaluated on the surviving rows only. */
    private static final class GeneralTerm implements Term {
        private final VectorExpression compiled;
        private final BitSet columns;

        GeneralTerm(Expr predicate) {
            this.compiled = ExpressionCompiler.compile(predicate);
            this.columns = Exprs.columnsUsed(predicate);
        }

        @Override
        public int refine(Batch batch, int[] selection, int count, EvalContext context) {
            boolean all = count == batch.rowCount();
            try (BitVector result = (BitVector) (all ? compiled.evaluate(batch, context)
                    : Subsets.evaluateOn(compiled, columns, batch, selection, count, context))) {
                var values = result.getDataBuffer();
                var valid = result.getValidityBuffer();
                int kept = 0;
                for (int k = 0; k < count; k++) {
                    // With a subset, result row k belongs to selection[k]; with all rows, k is the row itself.
                    if (Bits.isSet(values, k) && Bits.isSet(valid, k)) {
                        selection[kept++] = selection[k];
                    }
                }
                return kept;
            }
        }
    }
}
