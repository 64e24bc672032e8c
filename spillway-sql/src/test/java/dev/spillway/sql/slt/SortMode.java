package dev.spillway.sql.slt;

import java.util.Locale;

/** How a query record's rows are ordered before they are compared with the expected lines. */
enum SortMode {
    /** As the engine returned them: for queries whose ORDER BY fixes the order. */
    NOSORT,
    /** Rows sorted as text: for queries whose row order is not defined. */
    ROWSORT,
    /** Every value on its own line, sorted: for results whose columns may be compared loosely. */
    VALUESORT;

    static SortMode parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
