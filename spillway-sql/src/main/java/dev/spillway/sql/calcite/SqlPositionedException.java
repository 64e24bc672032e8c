package dev.spillway.sql.calcite;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A user error raised inside Calcite's validation (by Spillway's own function typing), carrying the parser
 * position of the offending call so that the front end can report it like Calcite's own errors.
 */
public final class SqlPositionedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SqlParserPos position;

    public SqlPositionedException(SqlParserPos position, String message) {
        super(message);
        this.position = requireNonNull(position, "position is null");
    }

    public SqlParserPos position() {
        return position;
    }
}
