package dev.spillway.api;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.parquet.ParquetCompression;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code COPY ... TO} and {@link DataFrame#write} write a result: the format (from the FORMAT option,
 * else the file extension) and its options, named as DuckDB names them.
 *
 * @param rowGroupBytes Parquet row groups are flushed at about this many buffered bytes, which bounds
 *     the writer's memory
 */
public record CopyOptions(Format format, char delimiter, boolean header, ParquetCompression compression, long rowGroupBytes) {
    /** 32 MB: large enough for efficient scans, small enough to sit well inside a tight memory limit. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 32L << 20;

    public enum Format {
        PARQUET,
        CSV
    }

    public CopyOptions {
        requireNonNull(format, "format is null");
        requireNonNull(compression, "compression is null");
        if (rowGroupBytes <= 0) {
            throw SpillwayException.userError("ROW_GROUP_SIZE_BYTES must be positive");
        }
    }

    public static CopyOptions parquet() {
        return new CopyOptions(Format.PARQUET, ',', true, ParquetCompression.SNAPPY, DEFAULT_ROW_GROUP_BYTES);
    }

    public static CopyOptions csv() {
        return new CopyOptions(Format.CSV, ',', true, ParquetCompression.SNAPPY, DEFAULT_ROW_GROUP_BYTES);
    }

    /**
     * Options as written in {@code (FORMAT parquet, COMPRESSION zstd)} or {@code (FORMAT csv, DELIMITER ';',
     * HEADER false)}; names are case-insensitive and a name without a value means true.
     */
    public static CopyOptions parse(String path, Map<String, String> options) {
        Format format = formatOf(path, options);
        CopyOptions result = format == Format.PARQUET ? parquet() : csv();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            String value = option.getValue();
            result = switch (name) {
                case "FORMAT" -> result;
                case "DELIMITER", "DELIM", "SEP" -> {
                    requireFormat(format, Format.CSV, name);
                    yield result.withDelimiter(delimiter(value));
                }
                case "HEADER" -> {
                    requireFormat(format, Format.CSV, name);
                    yield result.withHeader(bool(name, value));
                }
                case "COMPRESSION", "CODEC" -> {
                    requireFormat(format, Format.PARQUET, name);
                    yield result.withCompression(compression(value));
                }
                case "ROW_GROUP_SIZE_BYTES" -> {
                    requireFormat(format, Format.PARQUET, name);
                    yield result.withRowGroupBytes(Sizes.parse("ROW_GROUP_SIZE_BYTES", requireValue(name, value), -1));
                }
                default -> throw SpillwayException.userError(
                        "unknown COPY option %s; options: FORMAT, DELIMITER and HEADER (csv), COMPRESSION and ROW_GROUP_SIZE_BYTES (parquet)",
                        option.getKey());
            };
        }
        return result;
    }

    public CopyOptions withDelimiter(char newDelimiter) {
        return new CopyOptions(format, newDelimiter, header, compression, rowGroupBytes);
    }

    public CopyOptions withCompression(ParquetCompression newCompression) {
        return new CopyOptions(format, delimiter, header, newCompression, rowGroupBytes);
    }

    public CopyOptions withRowGroupBytes(long newRowGroupBytes) {
        return new CopyOptions(format, delimiter, header, compression, newRowGroupBytes);
    }

    public CopyOptions withHeader(boolean newHeader) {
        return new CopyOptions(format, delimiter, newHeader, compression, rowGroupBytes);
    }

    private static Format formatOf(String path, Map<String, String> options) {
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (option.getKey().equalsIgnoreCase("FORMAT")) {
                String value = requireValue("FORMAT", option.getValue()).toUpperCase(Locale.ROOT);
                return switch (value) {
                    case "PARQUET" -> Format.PARQUET;
                    case "CSV" -> Format.CSV;
                    default -> throw SpillwayException.userError("COPY cannot write FORMAT %s; formats: parquet, csv", option.getValue());
                };
            }
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
            return Format.PARQUET;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return Format.CSV;
        }
        throw SpillwayException.userError("cannot tell the format to write '%s' in from its extension; add (FORMAT parquet) or (FORMAT csv)", path);
    }

    private static void requireFormat(Format format, Format needed, String option) {
        if (format != needed) {
            throw SpillwayException.userError("COPY option %s applies to FORMAT %s only, not %s", option,
                    needed.name().toLowerCase(Locale.ROOT), format.name().toLowerCase(Locale.ROOT));
        }
    }

    private static String requireValue(String option, String value) {
        if (value == null || value.isEmpty()) {
            throw SpillwayException.userError("COPY option %s needs a value", option);
        }
        return value;
    }

    private static char delimiter(String value) {
        String text = requireValue("DELIMITER", value);
        String unescaped = text.equals("\\t") ? "\t" : text;
        if (unescaped.length() != 1 || unescaped.charAt(0) == '"' || unescaped.charAt(0) == '\n' || unescaped.charAt(0) == '\r') {
            throw SpillwayException.userError("DELIMITER must be one character other than a quote or a line break, got '%s'", text);
        }
        return unescaped.charAt(0);
    }

    private static boolean bool(String option, String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on" -> true;
            case "false", "0", "off" -> false;
            default -> throw SpillwayException.userError("COPY option %s takes true or false, got '%s'", option, value);
        };
    }

    private static ParquetCompression compression(String value) {
        String name = requireValue("COMPRESSION", value).toUpperCase(Locale.ROOT);
        try {
            return ParquetCompression.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw SpillwayException.userError("unknown Parquet COMPRESSION %s; choose snappy, zstd or uncompressed", value);
        }
    }
}
