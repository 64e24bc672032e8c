package dev.spillway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md true: its settings table is generated from {@link Setting} (run with
 * {@code -Dspillway.readme.update=true} to rewrite it), its Java example is {@link JavaApiExampleTest}'s, and its
 * quick-start test command is the one {@code .ci/run} runs.
 */
class ReadmeTest {
    private static final String TABLE_BEGIN = "<!-- settings table begin";
    private static final String TABLE_END = "<!-- settings table end -->";
    private static final String TEST_COMMAND = "mvn -B test";

    private final Path root = ProjectRoot.find();

    @Test
    void settingsTableListsEverySettingWithItsDefault() throws IOException {
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme);
        // The begin marker is a comment of two lines; the table starts after the line that closes it.
        int begin = text.indexOf("-->", text.indexOf(TABLE_BEGIN)) + "-->\n".length();
        int end = text.indexOf(TABLE_END);
        assertThat(begin).as("settings table markers in README.md").isPositive().isLessThan(end);
        String expected = settingsTable();
        if (!text.substring(begin, end).equals(expected) && Boolean.getBoolean("spillway.readme.update")) {
            Files.writeString(readme, text.substring(0, begin) + expected + text.substring(end));
            return;
        }
        assertThat(text.substring(begin, end)).as("README.md settings table (rerun with -Dspillway.readme.update=true to regenerate)")
                .isEqualTo(expected);
    }

    @Test
    void javaExampleIsTheOneTheTestRuns() throws IOException {
        String test = Files.readString(root.resolve("spillway-cli/src/test/java/dev/spillway/cli/JavaApiExampleTest.java"));
        String tested = test.substring(test.indexOf('\n', test.indexOf("// README example begin")) + 1, test.indexOf("        // README example end"))
                .lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip()).collect(Collectors.joining("\n", "", "\n"));
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("```java\n") + "```java\n".length();
        assertThat(readme.substring(start, readme.indexOf("```", start))).isEqualTo(tested);
    }

    @Test
    void quickStartIsTwoCommandsAndCiRunsTheSameTestCommand() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        int quickStart = readme.indexOf("## Quick start");
        int start = readme.indexOf("```sh\n", quickStart) + "```sh\n".length();
        assertThat(readme.substring(start, readme.indexOf("```", start))).isEqualTo("bin/spillway demo\n" + TEST_COMMAND + "\n");
        List<String> ciCommands = Files.readAllLines(root.resolve(".ci/run")).stream().map(String::strip)
                .filter(line -> (line.startsWith("mvn ") || line.startsWith("exec mvn ")) && !line.equals("mvn -v")).toList();
        assertThat(ciCommands).containsExactly("exec " + TEST_COMMAND);
    }

    private static String settingsTable() {
        StringBuilder table = new StringBuilder("| Setting | Flag | Environment variable | Default | Meaning |\n|---|---|---|---|---|\n");
        for (Setting setting : Setting.values()) {
            table.append("| `").append(setting.sqlName()).append("` | `").append(setting.cliFlag()).append("` | `")
                    .append(setting.environmentVariable()).append("` | ").append(setting.defaultDescription()).append(" | ")
                    .append(setting.description()).append(" |\n");
        }
        return table.toString();
    }
}
