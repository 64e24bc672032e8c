package dev.spillway.io.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns files into scan tasks of about {@code targetBytes}: a file larger than the target is split into equal
 * byte ranges (when the format allows it), and consecutive small files are grouped until a group reaches the
 * target. The ranges of a split file cover it exactly, so readers that agree on where records start (see
 * {@link FileRange}) together read every record once.
 */
public final class ByteRangePlanner {
    /** A file is split only when it is this much larger than the target, so tasks are not left tiny. */
    private static final double SPLIT_SLACK = 1.25;

    private ByteRangePlanner() {}

    /** Each inner list is one task's ranges, in file order. */
    public static List<List<FileRange>> plan(TextFileSet files, long targetBytes, boolean splittable) {
        long target = Math.max(1, targetBytes);
        List<List<FileRange>> tasks = new ArrayList<>();
        List<FileRange> group = new ArrayList<>();
        long groupBytes = 0;
        for (int i = 0; i < files.files().size(); i++) {
            Path path = files.files().get(i);
            long size = files.sizes().get(i);
            if (splittable && size > target * SPLIT_SLACK) {
                if (!group.isEmpty()) {
                    tasks.add(List.copyOf(group));
                    group.clear();
                    groupBytes = 0;
                }
                int pieces = (int) Math.min(Integer.MAX_VALUE, (size + target - 1) / target);
                long pieceBytes = (size + pieces - 1) / pieces;
                for (long start = 0; start < size; start += pieceBytes) {
                    tasks.add(List.of(new FileRange(path, start, Math.min(size, start + pieceBytes), size)));
                }
                continue;
            }
            group.add(new FileRange(path, 0, size, size));
            groupBytes += size;
            if (groupBytes >= target) {
                tasks.add(List.copyOf(group));
                group.clear();
                groupBytes = 0;
            }
        }
        if (!group.isEmpty()) {
            tasks.add(List.copyOf(group));
        }
        return tasks;
    }
}
