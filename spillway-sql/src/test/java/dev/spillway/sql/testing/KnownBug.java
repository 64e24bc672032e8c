package dev.spillway.sql.testing;

import org.junit.jupiter.api.function.Executable;

/**
 * Engine bugs and missing features that the golden and differential tests have found and that are not
 * fixed yet: the disabled-for-now list. A test case marked with one of these ({@code # known-bug: NAME}
 * above a record of a {@code .slt} file, {@code -- known-bug: NAME} in a differential query file) still
 * runs; it passes while Spillway's answer differs from the expected (DuckDB's) one, and fails once the
 * bug is fixed, so that the mark is removed and the case guards the fix from then on. DuckDB's side of a
 * marked case is checked as usual.
 *
 * <p>Each constant names where the fault lies and a query that shows it.
 */
public enum KnownBug {
    // ---- spillway-sql: parsing and Calcite

    /**
     * {@code //} (DuckDB's integer division) starts a comment in Calcite's parser, so the rest of the line
     * vanishes. {@code SELECT 7 // 2, 'lost'} gives one column, 7.
     */
    INTEGER_DIVISION_IS_A_COMMENT("// is parsed as the start of a comment"),
    /**
     * {@code x IS DISTINCT FROM 'text'}: the dialect rewriter takes {@code FROM 'text'} for a file to read
     * ("cannot tell the format of 'text' from its extension"). {@code SELECT 'a' IS DISTINCT FROM 'b'}
     */
    DISTINCT_FROM_STRING_LITERAL("IS DISTINCT FROM a string literal is read as FROM 'file'"),
    /**
     * A TIMESTAMP literal keeps only milliseconds: {@code SELECT TIMESTAMP '2023-02-28 23:59:59.999999'} gives
     * 23:59:59.999.
     */
    TIMESTAMP_LITERAL_MICROSECONDS("TIMESTAMP literals lose their microseconds"),
    /**
     * Logic over NULL literals fails Calcite's type-preservation assertion ("Conversion to relational algebra
     * failed to preserve datatypes"). {@code SELECT NULL AND false, NULL OR true}
     */
    NULL_LITERAL_LOGIC_PLANNING("NULL AND/OR literals fail planning with a Calcite assertion"),

    // ---- spillway-sql: binding and typing

    /**
     * ORDER BY a name that two output columns share, both the same input column, is called ambiguous
     * (DuckDB sorts by it). {@code SELECT x, x FROM range(3) t(x) ORDER BY x}
     */
    ORDER_BY_DUPLICATE_OUTPUT("ORDER BY a column selected twice is called ambiguous"),
    /**
     * An implicit cast that Calcite adds to a UNION ALL input or an IN sub-query fails with an internal error
     * ("UnsupportedOperationException: class SqlBasicCall: CAST(...)"). {@code SELECT 1 UNION ALL SELECT 2.5},
     * {@code SELECT x FROM range(3) t(x) WHERE x IN (SELECT 1)} (BIGINT against INTEGER).
     */
    IMPLICIT_CAST_UNSUPPORTED("implicit casts of UNION ALL inputs and IN sub-queries fail"),

    // ---- spillway-sql: sub-queries

    /** Correlated sub-queries that count are not supported. {@code SELECT (SELECT count(*) FROM r WHERE r.k = l.k) FROM l} */
    CORRELATED_COUNT_SUBQUERY("correlated count(*) sub-queries are not supported"),
    /**
     * A correlated sub-query with an aggregate must correlate with '='.
     * {@code SELECT (SELECT max(v) FROM t t2 WHERE t2.id < t1.id) FROM t t1}
     */
    CORRELATED_NON_EQUI_AGGREGATE("correlated aggregate sub-queries with non-equality correlation are not supported"),
    /** IN (sub-query) only as a WHERE/HAVING conjunct, not as a value. {@code SELECT k IN (SELECT k FROM r) FROM l} */
    IN_SUBQUERY_AS_VALUE("IN (sub-query) as a value is not supported"),
    /** ALL / ANY / SOME sub-queries are not supported. {@code SELECT * FROM t WHERE v > ALL (SELECT v FROM t)} */
    QUANTIFIED_SUBQUERY("ALL/ANY sub-queries are not supported"),
    /**
     * A scalar sub-query returning several rows gives a value instead of DuckDB's error ("More than one row returned
     * by a subquery"). {@code SELECT (SELECT x FROM range(3) t(x)) AS v}
     */
    SCALAR_SUBQUERY_MANY_ROWS("a scalar sub-query with several rows is not an error"),

    // ---- spillway-core and spillway-sql: catalog

    /**
     * A view is bound when it is created: a view over a view keeps the old definition after CREATE OR REPLACE
     * of the inner one (DuckDB binds views when they are used). {@code CREATE VIEW a AS SELECT 1 AS x;
     * CREATE VIEW b AS SELECT * FROM a; CREATE OR REPLACE VIEW a AS SELECT 2 AS x; SELECT * FROM b} gives 1.
     */
    VIEW_BOUND_AT_CREATION("views over views keep the definition they saw when created"),

    // ---- spillway-core: execution

    /**
     * DISTINCT aggregates over different arguments in one query are not supported yet.
     * {@code SELECT count(DISTINCT a), sum(DISTINCT b) FROM t}
     */
    MULTIPLE_DISTINCT_AGGREGATES("DISTINCT aggregates over different arguments in one query are not supported"),
    ;

    private final String description;

    KnownBug(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * For JUnit tests: runs a check that this bug still makes fail. Passes while it fails with an
     * {@link AssertionError}; fails once the check passes, so that the mark is removed and the check runs plainly.
     */
    public void assertStillPresent(Executable check) {
        try {
            check.execute();
        } catch (AssertionError expected) {
            return;
        } catch (Throwable unexpected) {
            throw new AssertionError("known bug " + this + ": the check failed with an error instead of an assertion", unexpected);
        }
        throw new AssertionError("known bug " + this + " no longer shows: the check passes; run it without assertStillPresent");
    }
}
