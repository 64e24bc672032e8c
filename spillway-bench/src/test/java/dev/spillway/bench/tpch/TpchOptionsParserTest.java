package dev.spillway.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.bench.launch.Command;
import dev.spillway.bench.launch.LaunchDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TpchOptionsParserTest {
    private static final LaunchDefaults DEFAULTS =
            new LaunchDefaults(8, Path.of("/tmp"), Path.of("/home/me"), Optional.of(Path.of("/src/spillway")));

    private static TpchOptions parse(String... arguments) {
        Command<TpchOptions> command = TpchOptionsParser.parse(List.of(arguments), DEFAULTS);
        assertThat(command).isInstanceOf(Command.Run.class);
        return ((Command.Run<TpchOptions>) command).options();
    }

    @Test
    void defaultsAreTheSupportedQueriesAtScaleFactorOneOnAllCores() {
        TpchOptions options = parse();
        assertThat(options.scaleFactor()).isEqualTo(1.0);
        assertThat(options.threads()).isEqualTo(8);
        assertThat(options.queries()).containsExactly(1, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14, 18, 19);
        assertThat(options.warmupRuns()).isEqualTo(1);
        assertThat(options.timedRuns()).isEqualTo(3);
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/spillway-bench/tpch-sf1"));
        assertThat(options.memoryLimit()).isEmpty();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.maxHeap()).isEqualTo("2g");
        assertThat(options.resultsDirectory()).isEqualTo(Path.of("/src/spillway/bench/results"));
    }

    @Test
    void resultsGoUnderTheWorkingDirectoryOutsideACheckout() {
        LaunchDefaults elsewhere = new LaunchDefaults(2, Path.of("/tmp"), Path.of("/home/me"), Optional.empty());
        Command.Run<TpchOptions> run = (Command.Run<TpchOptions>) TpchOptionsParser.parse(List.of(), elsewhere);
        assertThat(run.options().resultsDirectory()).isEqualTo(Path.of("/home/me/bench/results"));
    }

    @Test
    void acceptsBothOptionFormsAndLetsLaterOptionsWin() {
        TpchOptions options = parse("--sf", "1", "--threads=2", "--sf=0.01", "--warmup", "2", "--reps=5",
                "--memory-limit", "4GB", "--timeout", "90s", "--heap", "512m", "--data-dir", "/data/x", "--results-dir=/out");
        assertThat(options.scaleFactor()).isEqualTo(0.01);
        assertThat(options.scaleFactorText()).isEqualTo("0.01");
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.warmupRuns()).isEqualTo(2);
        assertThat(options.timedRuns()).isEqualTo(5);
        assertThat(options.memoryLimit()).contains("4GB");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.maxHeap()).isEqualTo("512m");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/data/x"));
        assertThat(options.resultsDirectory()).isEqualTo(Path.of("/out"));
    }

    @Test
    void theDefaultDataDirectoryNamesTheScaleFactor() {
        assertThat(parse("--sf", "0.10").dataDirectory()).isEqualTo(Path.of("/tmp/spillway-bench/tpch-sf0.1"));
        assertThat(parse("--sf", "10").dataDirectory()).isEqualTo(Path.of("/tmp/spillway-bench/tpch-sf10"));
    }

    @Test
    void queriesTakeNumbersNamesRangesAndKeywordsInTheGivenOrderWithoutDuplicates() {
        assertThat(parse("--queries", "3,q01,Q5,7-9,q10-q11,3").queries()).containsExactly(3, 1, 5, 7, 8, 9, 10, 11);
        assertThat(parse("--queries", "all").queries()).hasSize(22).startsWith(1).endsWith(22);
        assertThat(parse("--queries", "supported").queries()).isEqualTo(TpchQueries.SUPPORTED);
        assertThat(parse("--queries", " 6 ").queries()).containsExactly(6);
    }

    @Test
    void timeoutsTakeUnits() {
        assertThat(parse("--timeout", "300").timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(parse("--timeout", "250ms").timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(parse("--timeout", "10m").timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(parse("--timeout", "1h").timeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(TpchOptionsParser.parse(List.of("--sf", "1", "--help"), DEFAULTS)).isInstanceOf(Command.Help.class);
        assertThat(TpchOptionsParser.USAGE).contains("--sf", "--threads", "--queries", "--warmup", "--reps", "--data-dir",
                "--memory-limit", "--timeout");
    }

    @Test
    void rejectsWrongValuesWithMessagesNamingTheOption() {
        assertRejected("--sf takes a positive number", "--sf", "0");
        assertRejected("--sf", "--sf", "abc");
        assertRejected("--threads", "--threads", "0");
        assertRejected("--warmup", "--warmup", "0");
        assertRejected("--reps", "--reps", "-1");
        assertRejected("--queries", "--queries", "23");
        assertRejected("--queries", "--queries", "5-3");
        assertRejected("--queries", "--queries", "q1x");
        assertRejected("--memory-limit", "--memory-limit", "lots");
        assertRejected("percentage", "--memory-limit", "50%");
        assertRejected("--timeout", "--timeout", "soon");
        assertRejected("--timeout", "--timeout", "0");
        assertRejected("--heap", "--heap", "2 gigs");
        assertRejected("unknown option --scale", "--scale", "1");
        assertRejected("unknown option --bogus", "--bogus");
        assertRejected("needs a value", "--sf");
        assertRejected("unexpected argument", "1");
    }

    private static void assertRejected(String messagePart, String... arguments) {
        assertThatThrownBy(() -> TpchOptionsParser.parse(List.of(arguments), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(messagePart);
    }
}
