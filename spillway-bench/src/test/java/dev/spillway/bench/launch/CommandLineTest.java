package dev.spillway.bench.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final Set<String> KNOWN = Set.of("--threads", "--queries");

    @Test
    void keepsBothFormsInTheOrderGivenSoLaterOnesCanWin() {
        assertThat(CommandLine.split(List.of("--threads", "2", "--queries=q1,q2", "--threads=4"), KNOWN)).hasValue(List.of(
                new CommandLine.Option("--threads", "2"), new CommandLine.Option("--queries", "q1,q2"), new CommandLine.Option("--threads", "4")));
        assertThat(CommandLine.split(List.of("--queries=a=b"), KNOWN)).hasValue(List.of(new CommandLine.Option("--queries", "a=b")));
    }

    @Test
    void helpAnywhereWinsEvenOverMistakes() {
        assertThat(CommandLine.split(List.of("--bogus", "-h"), KNOWN)).isEmpty();
        assertThat(CommandLine.split(List.of("--threads", "2", "--help"), KNOWN)).isEmpty();
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndStrayArguments() {
        assertThatThrownBy(() -> CommandLine.split(List.of("--bogus", "1"), KNOWN)).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> CommandLine.split(List.of("--bogus=1"), KNOWN)).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> CommandLine.split(List.of("--threads"), KNOWN)).hasMessage("--threads needs a value");
        assertThatThrownBy(() -> CommandLine.split(List.of("2"), KNOWN)).hasMessage("unexpected argument '2'");
    }
}
