/**
 * Translation of Calcite's relational algebra into Spillway logical plans.
 *
 * <pre>
 *   LogicalTableScan ─► the catalog's plan          LogicalSort ─► Sort (+ Limit for FETCH/OFFSET)
 *   LogicalProject   ─► Project                     LogicalUnion ─► UnionAll (+ Aggregate for DISTINCT)
 *   LogicalFilter    ─► Filter (+ joins for sub-queries)    LogicalIntersect/Minus ─► semi/anti join
 *   LogicalAggregate ─► Aggregate                   LogicalValues ─► Values
 *   LogicalJoin      ─► Join
 * </pre>
 *
 * <p>The translation is bottom-up and keeps Spillway's column types all the way: every expression is rebuilt
 * through {@link dev.spillway.expr.Functions} ({@link dev.spillway.sql.translate.RexTranslator}) and every
 * aggregate through {@link dev.spillway.expr.AggregateCall#of}, so result types are DuckDB's, not Calcite's.
 *
 * <p>Sub-queries are planned here rather than by Calcite's rules ({@link dev.spillway.sql.translate.SubQueryPlanner}):
 * Spillway has semi and anti joins, which make EXISTS, IN and their negations one join each, where Calcite's
 * rewrites produce aggregates, counts and mark columns. Correlated sub-queries are decorrelated by lifting
 * their correlated conditions up to the join ({@link dev.spillway.sql.translate.Translated}); a correlated
 * scalar aggregate is grouped by its correlation columns and LEFT-joined.
 */
package dev.spillway.sql.translate;
