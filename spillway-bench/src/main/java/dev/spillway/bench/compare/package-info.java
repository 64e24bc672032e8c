/**
 * Whether two engines gave the same answer to a query.
 *
 * <p>Rules ({@link dev.spillway.bench.compare.ResultComparator}): same number of columns and rows; row
 * order matters only when the query ends with an ORDER BY ({@link dev.spillway.bench.compare.QueryText}),
 * otherwise both sides are sorted first; NULL equals only NULL; DOUBLE values agree within a small relative
 * tolerance, because parallel sums add in a different order in each engine (and even in each run); exact
 * numbers (DECIMAL, integers) must be equal in value, whatever their scale; strings, dates and booleans must
 * be equal. Column names are not compared: engines name unnamed expressions differently.
 */
package dev.spillway.bench.compare;
