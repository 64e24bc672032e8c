package dev.spillway.io;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.Expr;
import java.util.List;
import java.util.Set;

/**
 * What a scan must produce: {@code projection} lists the source's columns in output order; {@code filters}
 * are conjuncts over the source schema that a source may use to skip data (row groups, files). Filters
 * are advisory: the plan re-applies them exactly, so a source may ignore any of them.
 *
 * @param batchRows target rows per batch
 * @param targetTaskBytes split or group input into tasks of about this many bytes
 * @param codedColumns output positions whose dictionary codes the operator above uses (grouping keys): a source
 *        that reads dictionaries attaches codes to these columns only (see {@link dev.spillway.data.DictionaryCodes})
 */
public record ScanSpec(List<Integer> projection, List<Expr> filters, int batchRows, long targetTaskBytes, Set<Integer> codedColumns) {
    public ScanSpec {
        projection = List.copyOf(requireNonNull(projection, "projection is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        codedColumns = Set.copyOf(requireNonNull(codedColumns, "codedColumns is null"));
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive");
        }
    }

    /** A spec without dictionary codes. */
    public ScanSpec(List<Integer> projection, List<Expr> filters, int batchRows, long targetTaskBytes) {
        this(projection, filters, batchRows, targetTaskBytes, Set.of());
    }

    /** This spec, with codes for {@code columns} (output positions). */
    public ScanSpec withCodedColumns(Set<Integer> columns) {
        return new ScanSpec(projection, filters, batchRows, targetTaskBytes, columns);
    }
}
