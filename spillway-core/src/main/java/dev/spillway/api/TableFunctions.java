package dev.spillway.api;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.TableSource;
import dev.spillway.io.csv.CsvSource;
import dev.spillway.io.json.JsonLinesSource;
import dev.spillway.io.parquet.ParquetSource;
import dev.spillway.io.tpch.TpchSource;
import dev.spillway.io.generate.RangeSource;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Scan;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table functions usable in FROM: generators and file readers. */
final class TableFunctions {
    private TableFunctions() {}

    static LogicalPlan call(String name, List<Object> args, Map<String, Object> options) {
        String function = name.toLowerCase(Locale.ROOT);
        return switch (function) {
            case "range" -> Scan.of(range(function, args, false));
            case "generate_series" -> Scan.of(range(function, args, true));
            case "read_parquet", "parquet_scan" -> Scan.of(new ParquetSource(path(function, args)));
            case "read_csv", "read_csv_auto" -> Scan.of(CsvSource.of(path(function, args), options));
            case "read_json", "read_json_auto", "read_ndjson", "read_ndjson_auto" -> Scan.of(JsonLinesSource.of(path(function, args), options));
            case "tpch" -> Scan.of(tpch(args));
            default -> throw SpillwayException.userError(
                    "unknown table function %s; available: range, generate_series, read_parquet, read_csv, read_json, tpch, memory, temporary_files", name);
        };
    }

    /** A file or glob used as a table, by extension. */
    static LogicalPlan file(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
            return Scan.of(new ParquetSource(path));
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return Scan.of(CsvSource.of(path));
        }
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Scan.of(JsonLinesSource.of(path));
        }
        throw SpillwayException.userError(
                "cannot tell the format of '%s' from its extension; use read_parquet(...), read_csv(...) or read_json(...)", path);
    }

    private static String path(String function, List<Object> args) {
        if (args.size() != 1 || !(args.get(0) instanceof String path)) {
            throw SpillwayException.userError("%s takes one path or glob as a string", function);
        }
        return path;
    }

    private static TableSource tpch(List<Object> args) {
        if (args.size() != 2 || !(args.get(0) instanceof String table) || !(args.get(1) instanceof Number scale)) {
            throw SpillwayException.userError("tpch takes a table name and a scale factor, e.g. tpch('lineitem', 1)");
        }
        return new TpchSource(table, scale.doubleValue());
    }

    private static TableSource range(String function, List<Object> args, boolean inclusive) {
        if (args.isEmpty() || args.size() > 3) {
            throw SpillwayException.userError("%s takes (stop), (start, stop) or (start, stop, step)", function);
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(args.get(i) instanceof Number number) || args.get(i) instanceof Double) {
                throw SpillwayException.userError("%s arguments must be integers, got %s", function, args.get(i));
            }
            values[i] = number.longValue();
        }
        long start = values.length == 1 ? 0 : values[0];
        long stop = values.length == 1 ? values[0] : values[1];
        long step = values.length == 3 ? values[2] : 1;
        if (inclusive) {
            stop = step > 0 ? stop + 1 : stop - 1;
        }
        return new RangeSource(start, stop, step);
    }

    static long longArgument(String function, Object value) {
        if (!(value instanceof Number number)) {
            throw SpillwayException.userError("%s expects a number, got %s", function, value);
        }
        return number.longValue();
    }
}
