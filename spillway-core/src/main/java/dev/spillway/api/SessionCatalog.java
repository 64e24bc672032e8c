package dev.spillway.api;

import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Views created in a session, and the table functions and files queries may name. */
final class SessionCatalog implements Catalog {
    private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();
    private final SystemTables systemTables;

    SessionCatalog(SystemTables systemTables) {
        this.systemTables = systemTables;
    }

    @Override
    public Optional<LogicalPlan> view(String name) {
        return Optional.ofNullable(views.get(name.toLowerCase(Locale.ROOT)));
    }

    void createView(String name, LogicalPlan plan, boolean replace) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!replace && views.containsKey(key)) {
            throw SpillwayException.userError("view %s already exists (use CREATE OR REPLACE VIEW)", name);
        }
        views.put(key, plan);
    }

    void dropView(String name, boolean ifExists) {
        if (views.remove(name.toLowerCase(Locale.ROOT)) == null && !ifExists) {
            throw SpillwayException.userError("view %s does not exist", name);
        }
    }

    @Override
    public LogicalPlan tableFunction(String name, List<Object> args, Map<String, Object> options) {
        String function = name.toLowerCase(Locale.ROOT);
        return switch (function) {
            case "memory", "duckdb_memory" -> {
                noArguments(name, args, options);
                yield systemTables.memory();
            }
            case "temporary_files", "duckdb_temporary_files" -> {
                noArguments(name, args, options);
                yield systemTables.temporaryFiles();
            }
            default -> TableFunctions.call(name, args, options);
        };
    }

    private static void noArguments(String name, List<Object> args, Map<String, Object> options) {
        if (!args.isEmpty() || !options.isEmpty()) {
            throw SpillwayException.userError("%s() takes no arguments", name);
        }
    }

    @Override
    public LogicalPlan file(String path) {
        return TableFunctions.file(path);
    }
}
