package dev.spillway.api;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The execution settings of an engine or session; immutable. Values come from defaults, then
 * {@code SPILLWAY_*} environment variables, then CLI flags or API calls, then {@code SET}.
 */
public record ExecutionConfig(
        int threads,
        long memoryLimit,
        Path tempDirectory,
        long maxTempDirectorySize,
        int targetBatchRows,
        long targetMaxBatchBytes,
        long scanTaskTargetBytes,
        boolean preserveInsertionOrder) {

    public ExecutionConfig {
        requireNonNull(tempDirectory, "tempDirectory is null");
        if (threads < 1) {
            throw SpillwayException.userError("threads must be at least 1, got %d", threads);
        }
        if (memoryLimit < 1 << 20) {
            throw SpillwayException.userError("memory_limit must be at least 1MB, got %d bytes", memoryLimit);
        }
        if (targetBatchRows < 1 || targetBatchRows > 1 << 20) {
            throw SpillwayException.userError("target_batch_rows must be between 1 and 1048576, got %d", targetBatchRows);
        }
        if (targetMaxBatchBytes < 1024) {
            throw SpillwayException.userError("target_max_batch_bytes must be at least 1KB, got %d", targetMaxBatchBytes);
        }
        if (scanTaskTargetBytes < 1024) {
            throw SpillwayException.userError("scan_task_target_bytes must be at least 1KB, got %d", scanTaskTargetBytes);
        }
        if (maxTempDirectorySize < 0) {
            throw SpillwayException.userError("max_temp_directory_size must not be negative");
        }
    }

    /** Defaults for this machine, without environment variables. */
    public static ExecutionConfig defaults() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        return new ExecutionConfig(
                Runtime.getRuntime().availableProcessors(),
                (long) (MachineMemory.physicalBytes() * 0.8),
                temp,
                defaultTempQuota(temp),
                8192,
                16L << 20,
                32L << 20,
                true);
    }

    /** Defaults overridden by {@code SPILLWAY_*} variables of the given environment. */
    public static ExecutionConfig fromEnvironment(Map<String, String> environment) {
        ExecutionConfig config = defaults();
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null && !value.isBlank()) {
                config = config.with(setting, value);
            }
        }
        return config;
    }

    private static long defaultTempQuota(Path directory) {
        try {
            Path existing = directory;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? Long.MAX_VALUE : (long) (Files.getFileStore(existing).getUsableSpace() * 0.9);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A copy with one setting changed; the value is parsed as it would be from SQL {@code SET}. */
    public ExecutionConfig with(Setting setting, String value) {
        requireNonNull(value, "value is null");
        String text = value.trim();
        return switch (setting) {
            case THREADS -> withThreads(parseInt(setting, text));
            case MEMORY_LIMIT -> new ExecutionConfig(threads, Sizes.parse(setting.sqlName(), text, MachineMemory.physicalBytes()),
                    tempDirectory, maxTempDirectorySize, targetBatchRows, targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
            case TEMP_DIRECTORY -> {
                Path directory = Path.of(text);
                // A quota the user set stays; the default (a share of the free space) follows the new folder.
                long quota = maxTempDirectorySize == defaultTempQuota(tempDirectory) ? defaultTempQuota(directory) : maxTempDirectorySize;
                yield new ExecutionConfig(threads, memoryLimit, directory, quota, targetBatchRows,
                        targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
            }
            case MAX_TEMP_DIRECTORY_SIZE -> new ExecutionConfig(threads, memoryLimit, tempDirectory,
                    Sizes.parse(setting.sqlName(), text, defaultTempQuota(tempDirectory) * 10 / 9), targetBatchRows,
                    targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
            case TARGET_BATCH_ROWS -> new ExecutionConfig(threads, memoryLimit, tempDirectory, maxTempDirectorySize,
                    parseInt(setting, text), targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
            case TARGET_MAX_BATCH_BYTES -> new ExecutionConfig(threads, memoryLimit, tempDirectory, maxTempDirectorySize,
                    targetBatchRows, Sizes.parse(setting.sqlName(), text, -1), scanTaskTargetBytes, preserveInsertionOrder);
            case SCAN_TASK_TARGET_BYTES -> new ExecutionConfig(threads, memoryLimit, tempDirectory, maxTempDirectorySize,
                    targetBatchRows, targetMaxBatchBytes, Sizes.parse(setting.sqlName(), text, -1), preserveInsertionOrder);
            case PRESERVE_INSERTION_ORDER -> new ExecutionConfig(threads, memoryLimit, tempDirectory, maxTempDirectorySize,
                    targetBatchRows, targetMaxBatchBytes, scanTaskTargetBytes, parseBoolean(setting, text));
        };
    }

    public ExecutionConfig with(String sqlName, String value) {
        return with(Setting.bySqlName(sqlName), value);
    }

    public ExecutionConfig withThreads(int newThreads) {
        return new ExecutionConfig(newThreads, memoryLimit, tempDirectory, maxTempDirectorySize, targetBatchRows,
                targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
    }

    public ExecutionConfig withMemoryLimit(long bytes) {
        return new ExecutionConfig(threads, bytes, tempDirectory, maxTempDirectorySize, targetBatchRows,
                targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
    }

    public ExecutionConfig withTargetBatchRows(int rows) {
        return new ExecutionConfig(threads, memoryLimit, tempDirectory, maxTempDirectorySize, rows,
                targetMaxBatchBytes, scanTaskTargetBytes, preserveInsertionOrder);
    }

    /** The current value as {@code SELECT current_setting(...)} would show it. */
    public String display(Setting setting) {
        return switch (setting) {
            case THREADS -> Integer.toString(threads);
            case MEMORY_LIMIT -> Sizes.format(memoryLimit);
            case TEMP_DIRECTORY -> tempDirectory.toString();
            case MAX_TEMP_DIRECTORY_SIZE -> Sizes.format(maxTempDirectorySize);
            case TARGET_BATCH_ROWS -> Integer.toString(targetBatchRows);
            case TARGET_MAX_BATCH_BYTES -> Sizes.format(targetMaxBatchBytes);
            case SCAN_TASK_TARGET_BYTES -> Sizes.format(scanTaskTargetBytes);
            case PRESERVE_INSERTION_ORDER -> Boolean.toString(preserveInsertionOrder);
        };
    }

    private static int parseInt(Setting setting, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SpillwayException.userError("%s must be a whole number, got '%s'", setting.sqlName(), text);
        }
    }

    private static boolean parseBoolean(Setting setting, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw SpillwayException.userError("%s must be true or false, got '%s'", setting.sqlName(), text);
        };
    }
}
