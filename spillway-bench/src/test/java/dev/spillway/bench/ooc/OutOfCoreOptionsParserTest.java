package dev.spillway.bench.ooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.bench.launch.Command;
import dev.spillway.bench.launch.LaunchDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutOfCoreOptionsParserTest {
    private static final LaunchDefaults DEFAULTS = new LaunchDefaults(8, Path.of("/tmp"), Path.of("/home/me"), Optional.of(Path.of("/src/spillway")));

    private static OutOfCoreOptions parse(String... arguments) {
        Command<OutOfCoreOptions> command = OutOfCoreOptionsParser.parse(List.of(arguments), DEFAULTS);
        assertThat(command).isInstanceOf(Command.Run.class);
        return ((Command.Run<OutOfCoreOptions>) command).options();
    }

    @Test
    void defaultsAreTheStandardRunAtOneGigabyteOnTwoThreads() {
        OutOfCoreOptions options = parse();
        assertThat(options.memoryLimit()).isEqualTo("1GB");
        assertThat(options.threads()).isEqualTo(2); // not the machine's 8: results compare across machines
        assertThat(options.rows()).isEqualTo(100_000_000L);
        assertThat(options.sortRows()).isEqualTo(60_000_000L);
        assertThat(options.queries()).extracting(OutOfCoreQuery::name)
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "order_by", "count_distinct");
        assertThat(options.warmupRuns()).isZero();
        assertThat(options.timedRuns()).isEqualTo(1);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(options.maxHeap()).isEqualTo("2g");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/spillway-bench/ooc"));
        assertThat(options.tempDirectory()).isEqualTo(Path.of("/tmp"));
        assertThat(options.throughputBytes()).isEqualTo(1L << 30);
        assertThat(options.dropPageCache()).isTrue();
        assertThat(options.resultsDirectory()).isEqualTo(Path.of("/src/spillway/bench/results"));
        assertThat(options.tables()).containsExactly(OutOfCoreTable.X, OutOfCoreTable.O);
    }

    @Test
    void everyOptionTakesItsValueAndLaterOnesWin() {
        OutOfCoreOptions options = parse("--memory-limit", "4GB", "--memory-limit=64MB", "--threads", "4", "--rows", "2000000",
                "--sort-rows=20000", "--queries", "order_by,Q3,order_by", "--warmup", "1", "--runs", "3", "--timeout", "90s",
                "--heap", "1g", "--data-dir", "/data/ooc", "--temp-dir", "/fast/disk", "--throughput-size", "64MiB",
                "--drop-page-cache", "no", "--results-dir", "/out");
        assertThat(options.memoryLimit()).isEqualTo("64MB");
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.rows()).isEqualTo(2_000_000L);
        assertThat(options.sortRows()).isEqualTo(20_000L);
        assertThat(options.queries()).extracting(OutOfCoreQuery::name).containsExactly("order_by", "q3");
        assertThat(options.warmupRuns()).isEqualTo(1);
        assertThat(options.timedRuns()).isEqualTo(3);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.maxHeap()).isEqualTo("1g");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/data/ooc"));
        assertThat(options.tempDirectory()).isEqualTo(Path.of("/fast/disk"));
        assertThat(options.throughputBytes()).isEqualTo(64L << 20);
        assertThat(options.dropPageCache()).isFalse();
        assertThat(options.resultsDirectory()).isEqualTo(Path.of("/out"));
        // Only the tables the chosen queries read are generated.
        assertThat(options.tables()).containsExactly(OutOfCoreTable.O, OutOfCoreTable.X);
        assertThat(parse("--queries", "count_distinct").tables()).containsExactly(OutOfCoreTable.O);
    }

    @Test
    void helpWinsAndTheUsageNamesEveryOptionAndQuery() {
        assertThat(OutOfCoreOptionsParser.parse(List.of("--rows", "1", "--help"), DEFAULTS)).isInstanceOf(Command.Help.class);
        assertThat(OutOfCoreOptionsParser.USAGE).contains("--memory-limit", "--threads", "--rows", "--sort-rows", "--queries", "--warmup",
                "--runs", "--timeout", "--heap", "--data-dir", "--temp-dir", "--throughput-size", "--drop-page-cache", "--results-dir",
                "q1, q2", "order_by, count_distinct");
    }

    @Test
    void rejectsWrongValuesWithMessagesNamingTheOption() {
        assertRejected("--rows takes a whole number from 100 to 2000000000", "--rows", "99");
        assertRejected("--rows", "--rows", "3000000000");
        assertRejected("--sort-rows", "--sort-rows", "0");
        assertRejected("--queries: no query 'q11'; the queries are q1, q2", "--queries", "q1,q11");
        assertRejected("--runs", "--runs", "0");
        assertRejected("--warmup", "--warmup", "-1");
        assertRejected("percentage", "--memory-limit", "50%");
        assertRejected("--throughput-size", "--throughput-size", "lots");
        assertRejected("--drop-page-cache takes yes or no", "--drop-page-cache", "maybe");
        assertRejected("unknown option --sf", "--sf", "1");
    }

    private static void assertRejected(String messagePart, String... arguments) {
        assertThatThrownBy(() -> OutOfCoreOptionsParser.parse(List.of(arguments), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(messagePart);
    }
}
