package dev.spillway.sql.translate;

import dev.spillway.expr.Cast;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the casts of string constants to dates and timestamps that SQL writes for date constants
 * ({@code CAST('1998-09-02' AS date)}, or {@code d >= '1998-09-02'} where the binder casts the string), so
 * plans read {@code DATE '1998-09-02'} and scans can use them for skipping without waiting for the
 * optimizer. Anything else is left to the optimizer's constant folding.
 */
final class Constants {
    private Constants() {}

    /** Folds the arguments of a call the binder made, where it cast a date string to the other side's type. */
    static Expr foldArguments(Expr expr) {
        List<Expr> children = expr.children();
        List<Expr> folded = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expr child : children) {
            Expr result = fold(child);
            changed |= result != child;
            folded.add(result);
        }
        return changed ? expr.withChildren(folded) : fold(expr);
    }

    static Expr fold(Expr expr) {
        if (!(expr instanceof Cast cast) || !(cast.input() instanceof Literal literal) || literal.isNull()
                || literal.type().id() != TypeId.VARCHAR) {
            return expr;
        }
        String text = ((String) literal.value()).trim();
        try {
            if (cast.type().id() == TypeId.DATE && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Literal.of(LocalDate.parse(text));
            }
            if (cast.type().id() == TypeId.TIMESTAMP && text.matches("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?)?")) {
                LocalDateTime value = text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
                return new Literal(value, DataType.TIMESTAMP);
            }
        } catch (DateTimeParseException invalid) {
            return expr; // the cast reports the bad value when it runs
        }
        return expr;
    }
}
