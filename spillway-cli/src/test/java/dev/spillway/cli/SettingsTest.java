package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting can be set by flag and environment variable, with defaults < environment < flags < SET. */
class SettingsTest {
    @Test
    void flagsConfigureTheSession() {
        ExecutionConfig config = cli().run("--threads", "3", "--memory-limit", "512MB", "-c", "SELECT 1").succeeded().config();
        assertThat(config.threads()).isEqualTo(3);
        assertThat(config.memoryLimit()).isEqualTo(512_000_000L);
    }

    @Test
    void environmentVariablesConfigureTheSession() {
        ExecutionConfig config = cli().env("SPILLWAY_THREADS", "5").env("SPILLWAY_MEMORY_LIMIT", "1GiB").run("-c", "SELECT 1")
                .succeeded().config();
        assertThat(config.threads()).isEqualTo(5);
        assertThat(config.memoryLimit()).isEqualTo(1L << 30);
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        ExecutionConfig config = cli().env("SPILLWAY_THREADS", "5").env("SPILLWAY_TARGET_BATCH_ROWS", "1000")
                .run("--threads", "2", "-c", "SELECT 1").succeeded().config();
        assertThat(config.threads()).isEqualTo(2);
        assertThat(config.targetBatchRows()).isEqualTo(1000);
    }

    @Test
    void setWinsOverFlags() {
        String settings = cli().env("SPILLWAY_THREADS", "5").stdin("SET threads = 1;\n.settings\n").run("--threads", "2")
                .succeeded().stdout();
        assertThat(settings).contains("threads = 1\n");
    }

    @Test
    void theSettingsAreVisibleInTheSession() {
        String settings = cli().env("SPILLWAY_MEMORY_LIMIT", "2GiB").stdin(".settings\n").run("--threads", "3").succeeded().stdout();
        assertThat(settings).contains("threads = 3\n", "memory_limit = 2.0 GiB\n");
    }

    @Test
    void everySettingHasAFlagAndAnEnvironmentVariable(@TempDir Path temp) {
        for (Setting setting : Setting.values()) {
            String value = sampleValue(setting, temp);
            ExecutionConfig byFlag = cli().run(setting.cliFlag(), value, "-c", "SELECT 1").succeeded().config();
            ExecutionConfig byEnvironment = cli().env(setting.environmentVariable(), value).run("-c", "SELECT 1").succeeded().config();
            String expected = ExecutionConfig.defaults().with(setting, value).display(setting);
            assertThat(byFlag.display(setting)).as(setting.cliFlag()).isEqualTo(expected);
            assertThat(byEnvironment.display(setting)).as(setting.environmentVariable()).isEqualTo(expected);
            assertThat(expected).as("sample value of %s differs from the default", setting)
                    .isNotEqualTo(ExecutionConfig.defaults().display(setting));
        }
    }

    @Test
    void tempDirIsAShortFlagForTheTempDirectory(@TempDir Path temp) {
        assertThat(cli().run("--temp-dir", temp.toString(), "-c", "SELECT 1").succeeded().config().tempDirectory()).isEqualTo(temp);
    }

    @Test
    void aTempQuotaFromTheEnvironmentSurvivesATempDirectoryFlag(@TempDir Path temp) {
        ExecutionConfig config = cli().env("SPILLWAY_MAX_TEMP_DIRECTORY_SIZE", "3GB").run("--temp-dir", temp.toString(), "-c", "SELECT 1")
                .succeeded().config();
        assertThat(config.maxTempDirectorySize()).isEqualTo(3_000_000_000L);
    }

    @Test
    void aTooSmallMemoryLimitFailsTheQueryNotTheProcess() {
        CliRun.Result result = cli().run("--memory-limit", "2MB", "--format", "csv", "-c", "SELECT * FROM range(10000000) ORDER BY \"range\" DESC");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.singleErrorLine()).containsIgnoringCase("memory");
    }

    /** A value for the setting that differs from its default. */
    private static String sampleValue(Setting setting, Path temp) {
        return switch (setting) {
            case THREADS -> "7";
            case MEMORY_LIMIT -> "3GB";
            case TEMP_DIRECTORY -> temp.toString();
            case MAX_TEMP_DIRECTORY_SIZE -> "5GB";
            case TARGET_BATCH_ROWS -> "1234";
            case TARGET_MAX_BATCH_BYTES -> "4MB";
            case SCAN_TASK_TARGET_BYTES -> "8MB";
            case PRESERVE_INSERTION_ORDER -> "false";
        };
    }
}
