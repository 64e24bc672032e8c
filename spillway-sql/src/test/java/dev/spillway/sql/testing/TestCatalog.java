package dev.spillway.sql.testing;

import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Scan;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog for front-end tests: the eight TPC-H tables as views over fake sources (with the column types of
 * DuckDB's tpch extension), views added by tests, stub table functions and files, and a log of the calls
 * that reached it.
 */
public final class TestCatalog implements Catalog {
    private static final DataType MONEY = DataType.decimal(15, 2);

    private final Map<String, LogicalPlan> views = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    public TestCatalog() {
        table("lineitem", "l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INTEGER, l_quantity MONEY,"
                + " l_extendedprice MONEY, l_discount MONEY, l_tax MONEY, l_returnflag VARCHAR, l_linestatus VARCHAR,"
                + " l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct VARCHAR, l_shipmode VARCHAR, l_comment VARCHAR");
        table("orders", "o_orderkey BIGINT, o_custkey BIGINT, o_orderstatus VARCHAR, o_totalprice MONEY, o_orderdate DATE,"
                + " o_orderpriority VARCHAR, o_clerk VARCHAR, o_shippriority INTEGER, o_comment VARCHAR");
        table("customer", "c_custkey BIGINT, c_name VARCHAR, c_address VARCHAR, c_nationkey BIGINT, c_phone VARCHAR,"
                + " c_acctbal MONEY, c_mktsegment VARCHAR, c_comment VARCHAR");
        table("part", "p_partkey BIGINT, p_name VARCHAR, p_mfgr VARCHAR, p_brand VARCHAR, p_type VARCHAR, p_size INTEGER,"
                + " p_container VARCHAR, p_retailprice MONEY, p_comment VARCHAR");
        table("partsupp", "ps_partkey BIGINT, ps_suppkey BIGINT, ps_availqty INTEGER, ps_supplycost MONEY, ps_comment VARCHAR");
        table("supplier", "s_suppkey BIGINT, s_name VARCHAR, s_address VARCHAR, s_nationkey BIGINT, s_phone VARCHAR,"
                + " s_acctbal MONEY, s_comment VARCHAR");
        table("nation", "n_nationkey BIGINT, n_name VARCHAR, n_regionkey BIGINT, n_comment VARCHAR");
        table("region", "r_regionkey BIGINT, r_name VARCHAR, r_comment VARCHAR");
        table("t", "i INTEGER, b BIGINT, d DOUBLE, m MONEY, s VARCHAR, dt DATE, ts TIMESTAMP, flag BOOLEAN");
    }

    /** Adds a table {@code name} with columns given as {@code "a INTEGER, b VARCHAR"} (MONEY is DECIMAL(15,2)). */
    public TestCatalog table(String name, String columns) {
        views.put(name, Scan.of(new FakeTableSource(name, schema(columns))));
        return this;
    }

    public TestCatalog view(String name, LogicalPlan plan) {
        views.put(name, plan);
        return this;
    }

    public List<String> calls() {
        return calls;
    }

    public static Schema schema(String columns) {
        List<Field> fields = new ArrayList<>();
        for (String column : columns.split(",")) {
            String[] parts = column.trim().split("\\s+");
            fields.add(Field.of(parts[0], type(parts[1])));
        }
        return new Schema(fields);
    }

    private static DataType type(String name) {
        return switch (name) {
            case "MONEY" -> MONEY;
            case "INTEGER" -> DataType.INTEGER;
            case "BIGINT" -> DataType.BIGINT;
            case "DOUBLE" -> DataType.DOUBLE;
            case "VARCHAR" -> DataType.VARCHAR;
            case "DATE" -> DataType.DATE;
            case "TIMESTAMP" -> DataType.TIMESTAMP;
            case "BOOLEAN" -> DataType.BOOLEAN;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Override
    public Optional<LogicalPlan> view(String name) {
        return Optional.ofNullable(views.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public LogicalPlan tableFunction(String name, List<Object> args, Map<String, Object> options) {
        calls.add(name + args + options);
        return switch (name) {
            case "range" -> Scan.of(new FakeTableSource("range" + args, Schema.of(Field.of("range", DataType.BIGINT))));
            case "read_parquet", "read_csv" -> Scan.of(new FakeTableSource(name + args + options, schema("a INTEGER, b VARCHAR")));
            case "tpch" -> view((String) args.get(0)).orElseThrow(() -> SpillwayException.userError("no TPC-H table %s", args.get(0)));
            case "memory" -> Scan.of(new FakeTableSource("memory", schema("tag VARCHAR, memory_usage_bytes BIGINT, temporary_storage_bytes BIGINT")));
            default -> throw SpillwayException.userError("table function %s does not exist", name);
        };
    }

    @Override
    public LogicalPlan file(String path) {
        calls.add("file " + path);
        if (path.contains("missing")) {
            throw SpillwayException.userError("no files match '%s'", path);
        }
        return Scan.of(new FakeTableSource("file " + path, schema("a INTEGER, b VARCHAR, c DATE")));
    }
}
