package dev.spillway.io.parquet;

import dev.spillway.io.ScanTask;
import java.util.List;

/**
 * The result of planning a Parquet scan: the tasks, and how many row groups statistics let the scan skip
 * (for EXPLAIN, and for tests that check skipping).
 *
 * @param rowGroups row groups in all files
 * @param rowGroupsSkipped row groups whose statistics prove no row passes the filters
 */
public record ParquetScanPlan(List<ScanTask> tasks, int rowGroups, int rowGroupsSkipped) {
    public ParquetScanPlan {
        tasks = List.copyOf(tasks);
    }

    /** One line for EXPLAIN, e.g. {@code 12 tasks, 40 of 48 row groups (8 skipped by statistics)}. */
    public String summary() {
        return tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + ", " + (rowGroups - rowGroupsSkipped) + " of "
                + rowGroups + " row groups (" + rowGroupsSkipped + " skipped by statistics)";
    }
}
