package dev.spillway.optimizer;

import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.exec.eval.EvalContext;
import dev.spillway.exec.eval.ExpressionCompiler;
import dev.spillway.expr.Call;
import dev.spillway.expr.Cast;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import dev.spillway.types.Interval;
import dev.spillway.types.Schema;
import dev.spillway.types.TypeId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates constant sub-expressions once, with the same kernels queries use (so folding can never
 * change a result), and simplifies boolean logic. A constant that fails to evaluate (1 % 0) is left in
 * place so that the error surfaces only if a row actually reaches it.
 */
final class ConstantFolder {
    private final BufferAllocator allocator;

    ConstantFolder(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    Expr fold(Expr expr) {
        return Exprs.transform(expr, this::foldNode);
    }

    private Expr foldNode(Expr expr) {
        if (expr instanceof Call call) {
            Expr simplified = simplify(call);
            if (simplified != call) {
                return simplified;
            }
        }
        if (expr instanceof Literal || expr instanceof ColumnRef || !allLiteral(expr.children())) {
            return expr;
        }
        if (expr instanceof Call call && call.function() == Function.ADD_INTERVAL) {
            return foldInterval(call);
        }
        if (expr.type().id() == TypeId.INTERVAL) {
            if (expr instanceof Call call && call.function() == Function.NEGATE && call.args().get(0) instanceof Literal literal) {
                return literal.value() == null ? literal : new Literal(((Interval) literal.value()).negate(), DataType.INTERVAL);
            }
            return expr;
        }
        return evaluate(expr);
    }

    private static boolean allLiteral(List<Expr> children) {
        for (Expr child : children) {
            if (!(child instanceof Literal)) {
                return false;
            }
        }
        return true;
    }

    private Expr evaluate(Expr expr) {
        try (Batch one = new Batch(Schema.EMPTY, new FieldVector[0], 1);
                FieldVector result = ExpressionCompiler.compile(expr).evaluate(one, new EvalContext(allocator))) {
            Object value = Values.get(result, expr.type(), 0);
            return new Literal(value, expr.type());
        } catch (RuntimeException e) {
            return expr;
        }
    }

    private static Expr foldInterval(Call call) {
        Literal base = (Literal) call.args().get(0);
        Expr intervalExpr = call.args().get(1);
        if (base.value() == null || !(intervalExpr instanceof Literal literal) || literal.value() == null) {
            return base.value() == null || intervalExpr instanceof Literal ? Literal.nullOf(DataType.TIMESTAMP) : call;
        }
        Interval interval = (Interval) literal.value();
        LocalDateTime start = base.value() instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) base.value();
        LocalDateTime result = start.plusMonths(interval.months()).plusDays(interval.days()).plusNanos(interval.micros() * 1000);
        return new Literal(result, DataType.TIMESTAMP);
    }

    /** Boolean identities and comparisons of DATE columns with TIMESTAMP constants. */
    private Expr simplify(Call call) {
        List<Expr> args = call.args();
        switch (call.function()) {
            case AND -> {
                Expr a = args.get(0);
                Expr b = args.get(1);
                if (isBoolean(a, false) || isBoolean(b, false)) {
                    return Literal.of(false);
                }
                if (isBoolean(a, true)) {
                    return b;
                }
                if (isBoolean(b, true)) {
                    return a;
                }
            }
            case OR -> {
                Expr a = args.get(0);
                Expr b = args.get(1);
                if (isBoolean(a, true) || isBoolean(b, true)) {
                    return Literal.of(true);
                }
                if (isBoolean(a, false)) {
                    return b;
                }
                if (isBoolean(b, false)) {
                    return a;
                }
                Expr factored = factorCommonConjuncts(call);
                if (factored != null) {
                    return factored;
                }
            }
            case NOT -> {
                if (args.get(0) instanceof Call inner && inner.function() == Function.NOT) {
                    return inner.args().get(0);
                }
            }
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                Expr rewritten = dateComparedWithTimestamp(call);
                if (rewritten != null) {
                    return rewritten;
                }
            }
            default -> { }
        }
        return call;
    }

    /**
     * {@code (a AND b) OR (a AND c)} is {@code a AND (b OR c)}: conjuncts common to every disjunct move
     * out of the OR, where pushdown can use them (TPC-H Q19 repeats its join key in every branch).
     */
    private static Expr factorCommonConjuncts(Call or) {
        List<Expr> disjuncts = Exprs.disjuncts(or);
        List<List<Expr>> parts = disjuncts.stream().map(Exprs::conjuncts).toList();
        List<Expr> common = new ArrayList<>();
        for (Expr candidate : parts.get(0)) {
            if (!common.contains(candidate) && parts.stream().allMatch(part -> part.contains(candidate))) {
                common.add(candidate);
            }
        }
        if (common.isEmpty()) {
            return null;
        }
        List<Expr> rest = new ArrayList<>();
        for (List<Expr> part : parts) {
            List<Expr> remaining = part.stream().filter(e -> !common.contains(e)).toList();
            if (remaining.isEmpty()) {
                // One disjunct is just the common part, so the OR adds nothing.
                return Exprs.and(common);
            }
            rest.add(Exprs.and(remaining));
        }
        List<Expr> result = new ArrayList<>(common);
        result.add(Exprs.or(rest));
        return Exprs.and(result);
    }

    private static boolean isBoolean(Expr expr, boolean value) {
        return expr instanceof Literal literal && Boolean.valueOf(value).equals(literal.value());
    }

    /**
     * {@code CAST(d AS TIMESTAMP) op TIMESTAMP t} compared on dates instead, so no per-row cast runs:
     * d < t becomes d < ceil(t); d <= t, d <= floor(t); d > t, d > floor(t); d >= t, d >= ceil(t);
     * equality holds only if t is midnight.
     */
    private static Expr dateComparedWithTimestamp(Call call) {
        Function op = call.function();
        Expr left = call.args().get(0);
        Expr right = call.args().get(1);
        if (left instanceof Literal && !(right instanceof Literal)) {
            op = op.flip();
            Expr swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof Cast cast) || cast.type().id() != TypeId.TIMESTAMP || cast.input().type().id() != TypeId.DATE
                || !(right instanceof Literal literal) || literal.value() == null) {
            return null;
        }
        LocalDateTime timestamp = (LocalDateTime) literal.value();
        LocalDate floor = timestamp.toLocalDate();
        boolean midnight = timestamp.equals(floor.atStartOfDay());
        LocalDate ceil = midnight ? floor : floor.plusDays(1);
        Expr date = cast.input();
        return switch (op) {
            case LESS_THAN -> Functions.call(op, date, Literal.of(ceil));
            case LESS_THAN_OR_EQUAL -> Functions.call(op, date, Literal.of(floor));
            case GREATER_THAN -> Functions.call(op, date, Literal.of(floor));
            case GREATER_THAN_OR_EQUAL -> Functions.call(op, date, Literal.of(ceil));
            case EQUAL -> midnight ? Functions.call(op, date, Literal.of(floor)) : null;
            case NOT_EQUAL -> midnight ? Functions.call(op, date, Literal.of(floor)) : null;
            default -> null;
        };
    }

    static List<Expr> foldAll(ConstantFolder folder, List<Expr> exprs) {
        List<Expr> folded = new ArrayList<>(exprs.size());
        for (Expr expr : exprs) {
            folded.add(folder.fold(expr));
        }
        return folded;
    }
}
