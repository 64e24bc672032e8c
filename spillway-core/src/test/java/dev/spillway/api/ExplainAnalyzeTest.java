package dev.spillway.api;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPLAIN ANALYZE runs the query and reports, per operator, what it produced, its time, memory and spills. */
class ExplainAnalyzeTest {
    private static final Pattern STATS = Pattern.compile(
            "↳ rows ([0-9,]+), batches ([0-9,]+), wall ([0-9.]+) s, cpu ([0-9.]+) s(?:, peak memory ([^,]+), spilled ([^,]+) in ([0-9,]+) files)?");

    @TempDir
    Path temp;

    private Session open(String memoryLimit) {
        return Spillway.open(ExecutionConfig.defaults().withThreads(2).with("temp_directory", temp.toString())
                .with("memory_limit", memoryLimit).withTargetBatchRows(4096));
    }

    /** The stats line under the first plan line that starts with {@code operator}. */
    private static Matcher statsOf(String text, String operator) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].strip().startsWith(operator)) {
                Matcher matcher = STATS.matcher(lines[i + 1].strip());
                assertThat(matcher.matches()).as("stats line of %s: %s", operator, lines[i + 1]).isTrue();
                return matcher;
            }
        }
        throw new AssertionError(operator + " not in\n" + text);
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    @Test
    void countsRowsPerOperatorAndKeepsMemoryOfTheAggregation() {
        try (Session session = open("1GB")) {
            String text = session.range(100_000).filter(col("range").mod(4L).eq(0L))
                    .groupBy(col("range").mod(10L).as("g")).agg(countStar().as("n")).explainAnalyze();
            assertThat(text).startsWith("Physical plan, analyzed:\nTotal: ");
            assertThat(text).contains("5 rows returned");
            assertThat(number(statsOf(text, "Scan range").group(1))).isEqualTo(100_000);
            assertThat(number(statsOf(text, "Filter").group(1))).isEqualTo(25_000);
            Matcher aggregate = statsOf(text, "HashAggregate");
            assertThat(number(aggregate.group(1))).isEqualTo(5);
            assertThat(aggregate.group(5)).as("peak memory").isNotEqualTo("0 bytes");
            assertThat(aggregate.group(6)).as("spilled").isEqualTo("0 bytes");
            assertThat(session.memoryPool().used()).isZero();
        }
    }

    @Test
    void reportsTheBytesAndFilesAnAggregationSpilled() {
        try (Session session = open("48MB")) {
            String text = session.range(4_000_000).groupBy(col("range").mod(3_000_000L).as("k")).agg(countStar().as("n")).explainAnalyze();
            Matcher aggregate = statsOf(text, "HashAggregate");
            assertThat(number(aggregate.group(1))).isEqualTo(3_000_000);
            assertThat(aggregate.group(6)).as("spilled").isNotEqualTo("0 bytes");
            assertThat(number(aggregate.group(7))).as("spill files").isPositive();
            assertThat(text).containsPattern("Total: [0-9.]+ s, 3,000,000 rows returned, peak memory [^,]+, spilled [1-9][^,]* in [1-9][0-9,]* files");
            assertThat(session.spillFiles()).isEmpty();
        }
    }

    @Test
    void reportsTheRunsASortSpilled() {
        try (Session session = open("24MB")) {
            String text = session.range(2_000_000).select(col("range").times(7919L).mod(2_000_003L).as("key"), col("range").as("id"))
                    .sort(col("key").desc()).explainAnalyze();
            Matcher sort = statsOf(text, "Sort");
            assertThat(number(sort.group(1))).isEqualTo(2_000_000);
            assertThat(sort.group(6)).as("spilled").isNotEqualTo("0 bytes");
            assertThat(number(sort.group(7))).as("sorted runs on disk").isGreaterThan(1);
        }
    }
}
