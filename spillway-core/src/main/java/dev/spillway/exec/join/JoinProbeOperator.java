package dev.spillway.exec.join;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.EvalContext;
import dev.spillway.exec.eval.ExpressionCompiler;
import dev.spillway.exec.eval.VectorExpression;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.exec.operator.Gathers;
import dev.spillway.exec.pipeline.BatchConsumer;
import dev.spillway.exec.pipeline.StreamingOperator;
import dev.spillway.expr.Expr;
import dev.spillway.plan.JoinType;
import dev.spillway.types.Schema;
import java.util.Arrays;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The probe side of a join. {@code type} is seen from the probe: LEFT keeps unmatched probe rows, RIGHT
 * keeps unmatched build rows (emitted once at the end), SEMI/ANTI output probe rows with/without a
 * match. Output columns are the probe's, then (except SEMI/ANTI) the build's.
 *
 * <p>Algorithm: for each probe batch, candidate (probe row, build row) pairs are collected, by walking
 * the hash chain of the probe row's key hash (equi-joins) or by pairing with every build row (cross and
 * non-equi joins), in slices of at most one batch of pairs. A residual condition, if any, is evaluated
 * on the joined slice to keep the true pairs. Probe rows that kept a pair are marked; after the batch,
 * LEFT and ANTI emit the unmarked ones, SEMI the marked ones.
 */
public final class JoinProbeOperator implements StreamingOperator {
    private final JoinBuildSink build;
    private final JoinType type;
    private final int[] probeKeys;
    private final Expr residual;
    private final Schema probeSchema;
    private final Schema outputSchema;
    private final Schema pairSchema;

    /**
     * @param probeKeys probe key columns matching the build sink's keys; empty for a nested loop join
     * @param residual condition over (probe ++ build) columns that pairs must satisfy, or null
     */
    public JoinProbeOperator(JoinBuildSink build, JoinType type, int[] probeKeys, Expr residual, Schema probeSchema,
            Schema buildSchema, Schema outputSchema) {
        this.build = build;
        this.type = type;
        this.probeKeys = probeKeys.clone();
        this.residual = residual;
        this.probeSchema = probeSchema;
        this.outputSchema = outputSchema;
        this.pairSchema = probeSchema.concat(buildSchema);
    }

    @Override
    public Worker newWorker(QueryContext context) {
        return new ProbeWorker(build.table(), context);
    }

    @Override
    public void finish(QueryContext context, BatchConsumer downstream) {
        if (type != JoinType.RIGHT && type != JoinType.FULL) {
            return;
        }
        JoinTable table = build.table();
        int batchRows = context.config().targetBatchRows();
        int[] rows = new int[batchRows];
        int count = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            context.checkRunning();
            if (!table.isMatched(row)) {
                rows[count++] = row;
                if (count == batchRows) {
                    downstream.accept(unmatchedBuildRows(table, rows, count, context));
                    count = 0;
                }
            }
        }
        if (count > 0) {
            downstream.accept(unmatchedBuildRows(table, rows, count, context));
        }
    }

    private Batch unmatchedBuildRows(JoinTable table, int[] rows, int count, QueryContext context) {
        FieldVector[] columns = new FieldVector[outputSchema.size()];
        int[] none = new int[count];
        Arrays.fill(none, -1);
        try {
            for (int c = 0; c < probeSchema.size(); c++) {
                columns[c] = allNull(probeSchema, c, count, context);
            }
            Batch buildRows = table.rows();
            for (int c = 0; c < buildRows.columnCount(); c++) {
                columns[probeSchema.size() + c] = Vectors.gather(buildRows.column(c), buildRows.schema().type(c), rows, count, context.allocator());
            }
            return new Batch(outputSchema, columns, count);
        } catch (RuntimeException | Error e) {
            closeAll(columns);
            throw e;
        }
    }

    private static FieldVector allNull(Schema schema, int column, int count, QueryContext context) {
        FieldVector vector = Vectors.allocate(schema.type(column), schema.field(column).name(), count, context.allocator());
        if (!(vector instanceof NullVector)) {
            vector.getValidityBuffer().setZero(0, vector.getValidityBuffer().capacity());
        }
        vector.setValueCount(count);
        return vector;
    }

    private static void closeAll(FieldVector[] columns) {
        for (FieldVector column : columns) {
            if (column != null) {
                column.close();
            }
        }
    }

    private final class ProbeWorker implements Worker {
        private final JoinTable table;
        private final QueryContext context;
        private final EvalContext eval;
        private final VectorExpression condition;
        private final int slice;
        private int[] probeRows;
        private int[] buildRows;
        private int pairs;
        private boolean[] probeMatched = new boolean[0];
        private long[] hashes = new long[0];
        private int[] heads = new int[0];
        private long[] values = new long[0];

        ProbeWorker(JoinTable table, QueryContext context) {
            this.table = table;
            this.context = context;
            this.eval = new EvalContext(context.allocator());
            this.condition = residual == null ? null : ExpressionCompiler.compile(residual);
            this.slice = context.config().targetBatchRows();
            this.probeRows = new int[slice];
            this.buildRows = new int[slice];
        }

        @Override
        public void process(Batch input, BatchConsumer downstream) {
            try (input) {
                int rows = input.rowCount();
                if (probeMatched.length < rows) {
                    probeMatched = new boolean[Math.max(rows, probeMatched.length * 2)];
                    hashes = new long[probeMatched.length];
                }
                Arrays.fill(probeMatched, 0, rows, false);
                pairs = 0;
                if (probeKeys.length > 0) {
                    probeHash(input, downstream);
                } else {
                    probeAll(input, downstream);
                }
                flush(input, downstream);
                if (type == JoinType.LEFT || type == JoinType.FULL || type == JoinType.ANTI || type == JoinType.SEMI) {
                    emitProbeRows(input, downstream, type == JoinType.SEMI);
                }
            }
        }

        private void probeHash(Batch input, BatchConsumer downstream) {
            int rows = input.rowCount();
            FieldVector[] keys = new FieldVector[probeKeys.length];
            boolean anyNullKeys = false;
            for (int k = 0; k < keys.length; k++) {
                keys[k] = input.column(probeKeys[k]);
                Hashing.hash(keys[k], probeSchema.type(probeKeys[k]), rows, hashes, k > 0);
                anyNullKeys |= keys[k] instanceof NullVector || dev.spillway.data.Vectors.hasNulls(keys[k], rows);
            }
            if (heads.length < rows) {
                heads = new int[Math.max(rows, heads.length * 2)];
                values = new long[heads.length];
            }
            // Phase 1: every row's chain head. The loads are independent, so the CPU overlaps their misses.
            for (int i = 0; i < rows; i++) {
                heads[i] = table.first(hashes[i]);
            }
            boolean longKeys = table.hasLongKeys();
            if (longKeys) {
                long data = keys[0].getDataBuffer().memoryAddress();
                if (dev.spillway.exec.eval.Physical.of(probeSchema.type(probeKeys[0])) == dev.spillway.exec.eval.Physical.INT32) {
                    for (int i = 0; i < rows; i++) {
                        values[i] = org.apache.arrow.memory.util.MemoryUtil.getInt(data + ((long) i << 2));
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        values[i] = org.apache.arrow.memory.util.MemoryUtil.getLong(data + ((long) i << 3));
                    }
                }
            }
            boolean existenceOnly = condition == null && (type == JoinType.SEMI || type == JoinType.ANTI);
            // Phase 2: walk the chains of rows that have one.
            for (int i = 0; i < rows; i++) {
                int entry = heads[i];
                if (entry == 0 || (anyNullKeys && hasNullKey(keys, i))) {
                    continue;
                }
                long hash = hashes[i];
                long key = values[i];
                for (; entry != 0; entry = table.next(entry - 1)) {
                    int row = entry - 1;
                    if (table.hash(row) != hash || (longKeys ? table.longKey(row) != key : !table.keysEqual(row, keys, i))) {
                        continue;
                    }
                    if (existenceOnly) {
                        probeMatched[i] = true;
                        break;
                    }
                    addPair(i, row, input, downstream);
                }
            }
        }

        private boolean hasNullKey(FieldVector[] keys, int row) {
            for (FieldVector key : keys) {
                if (key instanceof NullVector || !Bits.isSet(key.getValidityBuffer(), row)) {
                    return true;
                }
            }
            return false;
        }

        private void probeAll(Batch input, BatchConsumer downstream) {
            int buildCount = table.rowCount();
            for (int i = 0; i < input.rowCount(); i++) {
                for (int row = 0; row < buildCount; row++) {
                    addPair(i, row, input, downstream);
                }
            }
        }

        private void addPair(int probeRow, int buildRow, Batch input, BatchConsumer downstream) {
            probeRows[pairs] = probeRow;
            buildRows[pairs] = buildRow;
            if (++pairs == slice) {
                flush(input, downstream);
                context.checkRunning();
            }
        }

        /** Applies the residual condition to the collected pairs and emits or records the survivors. */
        private void flush(Batch input, BatchConsumer downstream) {
            if (pairs == 0) {
                return;
            }
            int count = pairs;
            pairs = 0;
            boolean outputPairs = type.outputsRight();
            if (condition == null) {
                for (int i = 0; i < count; i++) {
                    probeMatched[probeRows[i]] = true;
                    if (type == JoinType.RIGHT || type == JoinType.FULL) {
                        table.markMatched(buildRows[i]);
                    }
                }
                if (outputPairs) {
                    downstream.accept(joined(input, probeRows, buildRows, count));
                }
                return;
            }
            Batch candidates = joined(input, probeRows, buildRows, count);
            int[] selected = new int[count];
            int kept;
            try (BitVector mask = (BitVector) condition.evaluate(candidates, eval)) {
                kept = Bits.selectTrue(mask, count, selected);
            } catch (RuntimeException | Error e) {
                candidates.close();
                throw e;
            }
            for (int s = 0; s < kept; s++) {
                int pair = selected[s];
                probeMatched[probeRows[pair]] = true;
                if (type == JoinType.RIGHT || type == JoinType.FULL) {
                    table.markMatched(buildRows[pair]);
                }
            }
            if (!outputPairs || kept == 0) {
                candidates.close();
            } else if (kept == count) {
                downstream.accept(renamed(candidates));
            } else {
                Batch survivors;
                try (candidates) {
                    survivors = Gathers.rows(candidates, selected, kept, eval.allocator());
                }
                downstream.accept(renamed(survivors));
            }
        }

        private Batch renamed(Batch pairBatch) {
            if (pairBatch.schema().equals(outputSchema)) {
                return pairBatch;
            }
            FieldVector[] columns = new FieldVector[pairBatch.columnCount()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = pairBatch.takeColumn(i);
            }
            int rows = pairBatch.rowCount();
            pairBatch.close();
            return new Batch(outputSchema, columns, rows);
        }

        /** Probe rows and build rows side by side, for the given pairs (build index -1 gives NULLs). */
        private Batch joined(Batch input, int[] probe, int[] buildSide, int count) {
            Batch buildBatch = table.rows();
            FieldVector[] columns = new FieldVector[input.columnCount() + buildBatch.columnCount()];
            try {
                for (int c = 0; c < input.columnCount(); c++) {
                    columns[c] = Vectors.gather(input.column(c), probeSchema.type(c), probe, count, eval.allocator());
                }
                for (int c = 0; c < buildBatch.columnCount(); c++) {
                    columns[input.columnCount() + c] = Vectors.gatherNullable(buildBatch.column(c), buildBatch.schema().type(c), buildSide, count, eval.allocator());
                }
                return new Batch(pairSchema, columns, count);
            } catch (RuntimeException | Error e) {
                closeAll(columns);
                throw e;
            }
        }

        /** After a batch: unmatched probe rows (LEFT, FULL, ANTI) or matched ones (SEMI). */
        private void emitProbeRows(Batch input, BatchConsumer downstream, boolean matched) {
            int rows = input.rowCount();
            int[] selected = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                if (probeMatched[i] == matched) {
                    selected[count++] = i;
                }
            }
            if (count == 0) {
                return;
            }
            if (type == JoinType.SEMI || type == JoinType.ANTI) {
                downstream.accept(Gathers.rows(input, selected, count, eval.allocator()));
                return;
            }
            int[] none = new int[count];
            Arrays.fill(none, -1);
            Batch padded = joined(input, selected, none, count);
            downstream.accept(renamed(padded));
        }
    }
}
