package dev.spillway.api;

import dev.spillway.errors.SpillwayException;
import java.util.Locale;

/**
 * Every user-visible setting, once: its SQL name (as in DuckDB where DuckDB has one), what it means, and
 * its default as users see it. {@link ExecutionConfig} holds the values; {@code SET name = value}, CLI
 * flags ({@code --name-with-dashes}) and environment variables ({@code SPILLWAY_NAME}) all set them.
 */
public enum Setting {
    THREADS("threads", "Worker threads for query execution.", "number of cores"),
    MEMORY_LIMIT("memory_limit", "Maximum memory for all queries of the engine (operator state, batches in flight, caches).",
            "80% of physical memory (or of the cgroup limit when lower)"),
    TEMP_DIRECTORY("temp_directory", "Where spill files are written; one folder per engine instance is created inside.",
            "the system temp directory"),
    MAX_TEMP_DIRECTORY_SIZE("max_temp_directory_size", "Maximum bytes of spill files on disk.",
            "90% of the free space in temp_directory"),
    TARGET_BATCH_ROWS("target_batch_rows", "Rows per batch flowing between operators (the batch size).", "8192"),
    TARGET_MAX_BATCH_BYTES("target_max_batch_bytes", "Upper bound on one batch's size; readers emit smaller batches of wide rows.", "16MB"),
    SCAN_TASK_TARGET_BYTES("scan_task_target_bytes", "Scans split large files and group small ones into tasks of about this size.", "32MB"),
    PRESERVE_INSERTION_ORDER("preserve_insertion_order",
            "Keep file order for queries without ORDER BY (e.g. LIMIT returns the first rows of a file).", "true");

    private final String sqlName;
    private final String description;
    private final String defaultDescription;

    Setting(String sqlName, String description, String defaultDescription) {
        this.sqlName = sqlName;
        this.description = description;
        this.defaultDescription = defaultDescription;
    }

    public String sqlName() {
        return sqlName;
    }

    public String description() {
        return description;
    }

    public String defaultDescription() {
        return defaultDescription;
    }

    public String cliFlag() {
        return "--" + sqlName.replace('_', '-');
    }

    public String environmentVariable() {
        return "SPILLWAY_" + sqlName.toUpperCase(Locale.ROOT);
    }

    public static Setting bySqlName(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("worker_threads")) {
            normalized = "threads";
        }
        if (normalized.equals("batch_size")) {
            normalized = "target_batch_rows";
        }
        for (Setting setting : values()) {
            if (setting.sqlName.equals(normalized)) {
                return setting;
            }
        }
        throw SpillwayException.userError("unknown setting '%s'; known settings: %s", name,
                String.join(", ", java.util.Arrays.stream(values()).map(Setting::sqlName).toList()));
    }
}
