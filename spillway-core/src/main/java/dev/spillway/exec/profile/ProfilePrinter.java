package dev.spillway.exec.profile;

import dev.spillway.api.Sizes;
import dev.spillway.exec.plan.PhysicalPlan;
import dev.spillway.memory.MemoryConsumer;
import java.util.Locale;

/**
 * Renders an analyzed plan: each operator's line as EXPLAIN shows it, followed by what it did. Times
 * are summed over the operator's threads, so with several threads an operator's time can exceed the
 * query's.
 */
public final class ProfilePrinter {
    private ProfilePrinter() {}

    /**
     * @param resultRows rows the query returned
     * @param peakBytes the query's peak memory (all its operators and batches together)
     */
    public static String print(PhysicalPlan root, QueryProfile profile, long resultRows, long peakBytes) {
        StringBuilder text = new StringBuilder();
        long spilled = 0;
        long files = 0;
        for (MemoryConsumer consumer : profile.consumers()) {
            spilled += consumer.spilledBytes();
            files += consumer.spillFiles();
        }
        text.append(String.format(Locale.ROOT, "Total: %s, %,d rows returned, peak memory %s, spilled %s in %,d files%n",
                seconds(profile.wallNanos()), resultRows, Sizes.format(peakBytes), Sizes.format(spilled), files));
        print(root, profile, 0, text);
        return text.toString();
    }

    private static void print(PhysicalPlan node, QueryProfile profile, int depth, StringBuilder text) {
        String indent = "  ".repeat(depth);
        text.append(indent).append(node.describe()).append('\n');
        OperatorProfile operator = profile.find(node);
        if (operator != null) {
            text.append(indent).append("  ↳ ").append(stats(operator, profile.consumer(operator.consumerName()))).append('\n');
        }
        for (PhysicalPlan input : node.inputs()) {
            print(input, profile, depth + 1, text);
        }
    }

    private static String stats(OperatorProfile operator, MemoryConsumer consumer) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "rows %,d, batches %,d, wall %s, cpu %s",
                operator.rows(), operator.batches(), seconds(operator.wallNanos()), seconds(operator.cpuNanos())));
        if (consumer != null) {
            line.append(", peak memory ").append(Sizes.format(consumer.peak()));
            line.append(String.format(Locale.ROOT, ", spilled %s in %,d files", Sizes.format(consumer.spilledBytes()), consumer.spillFiles()));
        }
        return line.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
