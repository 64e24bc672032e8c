package dev.spillway.sql.calcite;

import static java.util.Objects.requireNonNull;

import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.sql.parse.BoundTables;
import dev.spillway.types.DataType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The Spillway catalog as Calcite's root schema, for one statement. Names are looked up on demand (the
 * catalog cannot list what a name could resolve to) and remembered, because the validator asks again for
 * the same name. Tables the dialect rewriter already bound ({@code FROM 'x.csv'}) come first.
 *
 * <p>It also names DuckDB's type aliases ({@code TEXT}, {@code STRING}, {@code INT8}, ...) that Calcite's
 * parser reads as user-defined type names.
 */
public final class CatalogSchema extends AbstractSchema {
    private static final Map<String, DataType> TYPE_ALIASES = Map.of(
            "TEXT", DataType.VARCHAR, "STRING", DataType.VARCHAR,
            "INT8", DataType.BIGINT, "LONG", DataType.BIGINT, "INT4", DataType.INTEGER, "INT", DataType.INTEGER,
            "FLOAT8", DataType.DOUBLE, "FLOAT4", DataType.DOUBLE, "BOOL", DataType.BOOLEAN, "DATETIME", DataType.TIMESTAMP);

    private final Catalog catalog;
    private final BoundTables boundTables;
    private final Map<String, Optional<PlanTable>> resolved = new HashMap<>();

    public CatalogSchema(Catalog catalog, BoundTables boundTables) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.boundTables = requireNonNull(boundTables, "boundTables is null");
    }

    @Override
    public Lookup<Table> tables() {
        return new Lookup<>() {
            @Override
            public Table get(String name) {
                return resolve(name).orElse(null);
            }

            @Override
            public Named<Table> getIgnoreCase(String name) {
                return resolve(name).<Named<Table>>map(table -> new Named<>(table.name(), table)).orElse(null);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return Set.of();
            }
        };
    }

    private Optional<PlanTable> resolve(String name) {
        return resolved.computeIfAbsent(name, key -> {
            Optional<LogicalPlan> plan = boundTables.get(key);
            if (plan.isEmpty()) {
                plan = catalog.view(key);
            }
            if (plan.isEmpty() && !key.equals(key.toLowerCase(Locale.ROOT))) {
                // DuckDB's names are case-insensitive; a catalog keeping names in lower case still finds LINEITEM.
                plan = catalog.view(key.toLowerCase(Locale.ROOT));
            }
            return plan.map(found -> new PlanTable(key, found));
        });
    }

    @Override
    protected Map<String, RelProtoDataType> getTypeMap() {
        Map<String, RelProtoDataType> types = new HashMap<>();
        TYPE_ALIASES.forEach((name, type) -> {
            RelProtoDataType proto = factory -> TypeConversions.toCalcite(type, true, factory);
            types.put(name, proto);
            types.put(name.toLowerCase(Locale.ROOT), proto);
        });
        return types;
    }
}
