package dev.spillway.expr;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.UnaryOperator;

/** Tree utilities over expressions: rewriting, column usage, conjunct splitting. */
public final class Exprs {
    private Exprs() {}

    /** Applies {@code rewrite} bottom-up. */
    public static Expr transform(Expr expr, UnaryOperator<Expr> rewrite) {
        List<Expr> children = expr.children();
        if (!children.isEmpty()) {
            List<Expr> rewritten = new ArrayList<>(children.size());
            boolean changed = false;
            for (Expr child : children) {
                Expr next = transform(child, rewrite);
                changed |= next != child;
                rewritten.add(next);
            }
            if (changed) {
                expr = expr.withChildren(rewritten);
            }
        }
        return rewrite.apply(expr);
    }

    /** Input columns the expression reads. */
    public static BitSet columnsUsed(Expr expr) {
        BitSet used = new BitSet();
        collectColumns(expr, used);
        return used;
    }

    public static void collectColumns(Expr expr, BitSet used) {
        if (expr instanceof ColumnRef ref) {
            used.set(ref.index());
        }
        for (Expr child : expr.children()) {
            collectColumns(child, used);
        }
    }

    /** Renumbers column references: {@code mapping[old] = new}; -1 means the column is gone (an error). */
    public static Expr remap(Expr expr, int[] mapping) {
        return transform(expr, e -> {
            if (e instanceof ColumnRef ref) {
                int target = mapping[ref.index()];
                if (target < 0) {
                    throw new IllegalStateException("column " + ref + " is not available after remapping");
                }
                return target == ref.index() ? ref : new ColumnRef(target, ref.name(), ref.type());
            }
            return e;
        });
    }

    /** Shifts every column reference by {@code offset}. */
    public static Expr shift(Expr expr, int offset) {
        if (offset == 0) {
            return expr;
        }
        return transform(expr, e -> e instanceof ColumnRef ref ? new ColumnRef(ref.index() + offset, ref.name(), ref.type()) : e);
    }

    /** Replaces column references by the given expressions (inlining a projection). */
    public static Expr inline(Expr expr, List<Expr> definitions) {
        return transform(expr, e -> e instanceof ColumnRef ref ? definitions.get(ref.index()) : e);
    }

    /** The AND-ed parts of a predicate. */
    public static List<Expr> conjuncts(Expr predicate) {
        List<Expr> parts = new ArrayList<>();
        splitConjuncts(predicate, parts);
        return parts;
    }

    private static void splitConjuncts(Expr predicate, List<Expr> parts) {
        if (predicate instanceof Call call && call.function() == Function.AND) {
            for (Expr arg : call.args()) {
                splitConjuncts(arg, parts);
            }
        } else {
            parts.add(predicate);
        }
    }

    /** The OR-ed parts of a predicate. */
    public static List<Expr> disjuncts(Expr predicate) {
        List<Expr> parts = new ArrayList<>();
        if (predicate instanceof Call call && call.function() == Function.OR) {
            for (Expr arg : call.args()) {
                parts.addAll(disjuncts(arg));
            }
        } else {
            parts.add(predicate);
        }
        return parts;
    }

    /** AND of the parts, or TRUE when there are none. */
    public static Expr and(List<Expr> parts) {
        if (parts.isEmpty()) {
            return Literal.of(true);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Functions.call(Function.AND, parts);
    }

    public static Expr or(List<Expr> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Functions.call(Function.OR, parts);
    }

    public static boolean isTrue(Expr expr) {
        return expr instanceof Literal literal && Boolean.TRUE.equals(literal.value());
    }

    /** True if evaluating the expression can raise an error (overflow, bad cast, division by zero). */
    public static boolean canFail(Expr expr) {
        boolean self = switch (expr) {
            case Cast cast -> !cast.type().equals(dev.spillway.types.DataType.VARCHAR);
            case Call call -> switch (call.function()) {
                case ADD, SUBTRACT, MULTIPLY, NEGATE, INTEGER_DIVIDE, MODULO, ABS, ROUND, FLOOR, CEIL, ADD_DAYS, ADD_INTERVAL,
                        SUBSTRING, POWER, EXP, LN, SQRT -> !call.type().equals(dev.spillway.types.DataType.DOUBLE)
                                || call.function() == Function.INTEGER_DIVIDE;
                default -> false;
            };
            case ColumnRef ref -> false;
            case Literal literal -> false;
        };
        if (self) {
            return true;
        }
        for (Expr child : expr.children()) {
            if (canFail(child)) {
                return true;
            }
        }
        return false;
    }
}
