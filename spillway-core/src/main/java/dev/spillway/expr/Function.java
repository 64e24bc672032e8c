package dev.spillway.expr;

/** Built-in scalar functions. Typing rules live in {@link Functions}; kernels in the executor. */
public enum Function {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), INTEGER_DIVIDE("//"), MODULO("%"), NEGATE(null),
    EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"), GREATER_THAN_OR_EQUAL(">="),
    IS_DISTINCT_FROM("IS DISTINCT FROM"), IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM"),
    AND("AND"), OR("OR"), NOT(null),
    IS_NULL(null), IS_NOT_NULL(null),
    /** The first non-NULL argument; later arguments are evaluated only for rows still NULL. */
    COALESCE(null),
    /** Arguments: condition1, value1, condition2, value2, ..., else value. */
    CASE(null),
    /** Arguments: the tested value, then the list; all of one type. */
    IN(null),
    /** Arguments: value, pattern (a VARCHAR constant or expression). */
    LIKE(null),
    ILIKE(null),
    LOWER(null), UPPER(null), LENGTH(null),
    /** Arguments: string, start (1-based), optional length. */
    SUBSTRING(null),
    /** Variadic; NULL arguments are skipped (DuckDB's concat). */
    CONCAT(null),
    /** The {@code ||} operator: NULL if either side is NULL. */
    CONCAT_OPERATOR("||"),
    TRIM(null), LTRIM(null), RTRIM(null),
    STARTS_WITH(null), CONTAINS(null), REPLACE(null),
    /** Arguments: a VARCHAR constant naming the field (year, month, ...), then a DATE or TIMESTAMP. */
    EXTRACT(null),
    /** Arguments: a VARCHAR constant naming the unit, then a DATE or TIMESTAMP. */
    DATE_TRUNC(null),
    /** DATE/TIMESTAMP plus an INTERVAL (use NEGATE on the interval for minus). */
    ADD_INTERVAL(null),
    /** DATE plus/minus an INTEGER number of days. */
    ADD_DAYS(null),
    /** DATE minus DATE: whole days as BIGINT. */
    DATE_DIFF_DAYS(null),
    ABS(null), ROUND(null), FLOOR(null), CEIL(null), SIGN(null), SQRT(null), POWER(null), LN(null), EXP(null);

    private final String symbol;

    Function(String symbol) {
        this.symbol = symbol;
    }

    /** Infix symbol for display, or null for function-call notation. */
    public String symbol() {
        return symbol;
    }

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isComparison() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> true;
            default -> false;
        };
    }

    /** The comparison with operands swapped ({@code a < b} is {@code b > a}). */
    public Function flip() {
        return switch (this) {
            case LESS_THAN -> GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
            case EQUAL, NOT_EQUAL, IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> this;
            default -> throw new IllegalArgumentException(this + " is not a comparison");
        };
    }

    /** The comparison that is true exactly when this one is false (for non-null operands). */
    public Function negateComparison() {
        return switch (this) {
            case EQUAL -> NOT_EQUAL;
            case NOT_EQUAL -> EQUAL;
            case LESS_THAN -> GREATER_THAN_OR_EQUAL;
            case LESS_THAN_OR_EQUAL -> GREATER_THAN;
            case GREATER_THAN -> LESS_THAN_OR_EQUAL;
            case GREATER_THAN_OR_EQUAL -> LESS_THAN;
            case IS_DISTINCT_FROM -> IS_NOT_DISTINCT_FROM;
            case IS_NOT_DISTINCT_FROM -> IS_DISTINCT_FROM;
            default -> throw new IllegalArgumentException(this + " is not a comparison");
        };
    }
}
