/**
 * Calcite, configured to read SQL the way DuckDB does, for parsing, name resolution and validation only.
 *
 * <ul>
 *   <li>{@link dev.spillway.sql.calcite.CalciteQueryPlanner}: Babel parser (identifiers keep their case and match
 *       case-insensitively, {@code x::type}), validator, SqlToRelConverter with sub-queries left in place and no
 *       optimizer, no metadata handlers ({@link dev.spillway.sql.calcite.NoMetadataHandlerProvider}).</li>
 *   <li>{@link dev.spillway.sql.calcite.CatalogSchema}: the Spillway catalog as Calcite's schema; each table's
 *       row type is the schema of its Spillway plan ({@link dev.spillway.sql.calcite.PlanTable}).</li>
 *   <li>Typing: Calcite's types are not trusted; the translator re-derives every type with Spillway's binder.
 *       What this package does is keep Calcite from getting in the way: casts Calcite adds on its own are marked
 *       ({@link dev.spillway.sql.calcite.ImplicitCast}, {@link dev.spillway.sql.calcite.CoercionMarkingRexBuilder})
 *       so that the translator can drop them; DuckDB functions Calcite lacks are typed by Spillway's binder
 *       ({@link dev.spillway.sql.calcite.SpillwayFunction}); DuckDB date arithmetic Calcite rejects is disguised
 *       ({@link dev.spillway.sql.calcite.TypeDisguise}).</li>
 * </ul>
 */
package dev.spillway.sql.calcite;
