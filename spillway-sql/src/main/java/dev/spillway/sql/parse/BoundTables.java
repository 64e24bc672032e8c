package dev.spillway.sql.parse;

import dev.spillway.plan.LogicalPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tables the dialect rewriter resolved through the catalog before parsing ({@code FROM 'x.csv'},
 * {@code FROM range(10)}), each under a generated name that replaced it in the SQL text.
 */
public final class BoundTables {
    /** Generated names start with a character no unquoted identifier can, so they never clash with user names. */
    private static final String PREFIX = "$table";

    private final Map<String, LogicalPlan> plans = new LinkedHashMap<>();

    /** Registers the plan and returns its generated (unquoted) name. */
    public String add(LogicalPlan plan) {
        String name = PREFIX + (plans.size() + 1);
        plans.put(name, plan);
        return name;
    }

    public Optional<LogicalPlan> get(String name) {
        return Optional.ofNullable(plans.get(name));
    }

    /** The generated names, in the order the tables were bound. */
    public java.util.List<String> names() {
        return java.util.List.copyOf(plans.keySet());
    }

    public boolean isEmpty() {
        return plans.isEmpty();
    }
}
