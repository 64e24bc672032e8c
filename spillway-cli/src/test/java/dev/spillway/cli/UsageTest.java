package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.Setting;
import org.junit.jupiter.api.Test;

/** Bad usage exits with 2 and one line, before any session is opened; help and version exit with 0. */
class UsageTest {
    @Test
    void unknownFlag() {
        CliRun.Result result = cli().run("--no-such-flag", "-c", "SELECT 1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).isEqualTo("Unknown option: '--no-such-flag' (see spillway --help)");
        assertThat(result.stdout()).isEmpty();
        assertThat(result.configs()).isEmpty();
    }

    @Test
    void unexpectedArgument() {
        CliRun.Result result = cli().run("SELECT 1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).contains("SELECT 1");
    }

    @Test
    void missingFlagValue() {
        CliRun.Result result = cli().run("-c");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).contains("-c");
    }

    @Test
    void badSettingValue() {
        CliRun.Result result = cli().run("--threads", "lots", "-c", "SELECT 1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).isEqualTo("--threads: threads must be a whole number, got 'lots'");
    }

    @Test
    void badSize() {
        CliRun.Result result = cli().run("--memory-limit", "4 parsecs", "-c", "SELECT 1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).startsWith("--memory-limit: invalid size '4 parsecs' for memory_limit");
    }

    @Test
    void badFormat() {
        CliRun.Result result = cli().run("--format", "xml", "-c", "SELECT 1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).isEqualTo("--format: unknown output format 'xml'; use table, csv or json");
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        CliRun.Result result = cli().env("SPILLWAY_THREADS", "0").run("-c", "SELECT 1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).isEqualTo("SPILLWAY_THREADS: threads must be at least 1, got 0");
    }

    @Test
    void helpListsEveryFlagWithItsEnvironmentVariable() {
        CliRun.Result result = cli().run("--help").succeeded();
        assertThat(result.stdout()).contains("-c, --command=SQL", "--format=table|csv|json", "--verbose", "--temp-dir", "demo");
        for (Setting setting : Setting.values()) {
            assertThat(result.stdout()).contains(setting.cliFlag(), setting.environmentVariable());
        }
        // Descriptions are format strings to picocli: a bare "80% of" used to print the raw text with a warning.
        String words = result.stdout().replaceAll("\\s+", " ");
        assertThat(words).contains("Default: 80% of physical memory", "Default: 90% of the free space").doesNotContain("%n");
    }

    @Test
    void demoHasItsOwnHelp() {
        assertThat(cli().run("demo", "--help").succeeded().stdout()).contains("--scale-factor");
    }

    @Test
    void version() {
        assertThat(cli().run("--version").succeeded().stdout()).startsWith("spillway ");
    }

    @Test
    void demoCannotBeCombinedWithCommand() {
        CliRun.Result result = cli().run("-c", "SELECT 1", "demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.singleErrorLine()).isEqualTo("-c cannot be combined with demo");
    }
}
