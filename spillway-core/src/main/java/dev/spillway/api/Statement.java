package dev.spillway.api;

import static java.util.Objects.requireNonNull;

import dev.spillway.plan.LogicalPlan;

/** A parsed SQL statement, ready for a session to execute. */
public sealed interface Statement {
    /** A query whose rows are returned. */
    record Query(LogicalPlan plan) implements Statement {
        public Query {
            requireNonNull(plan, "plan is null");
        }
    }

    /** {@code CREATE [OR REPLACE] VIEW name AS query}. */
    record CreateView(String name, LogicalPlan plan, boolean replace) implements Statement {
        public CreateView {
            requireNonNull(name, "name is null");
            requireNonNull(plan, "plan is null");
        }
    }

    /** {@code DROP VIEW [IF EXISTS] name}. */
    record DropView(String name, boolean ifExists) implements Statement {
        public DropView {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code SET name = value}; the value as written (quotes removed), validated by the session. */
    record Set(String name, String value) implements Statement {
        public Set {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code RESET name}: back to the default. */
    record Reset(String name) implements Statement {
        public Reset {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code COPY (query) TO 'path' [(options)]}, or {@code COPY view TO ...}. */
    record Copy(LogicalPlan plan, String path, CopyOptions options) implements Statement {
        public Copy {
            requireNonNull(plan, "plan is null");
            requireNonNull(path, "path is null");
            requireNonNull(options, "options is null");
        }
    }

    /** {@code EXPLAIN [ANALYZE] query}. */
    record Explain(LogicalPlan plan, boolean analyze) implements Statement {
        public Explain {
            requireNonNull(plan, "plan is null");
        }
    }
}
