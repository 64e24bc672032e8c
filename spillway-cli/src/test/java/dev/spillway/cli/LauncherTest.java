package dev.spillway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/spillway} as a real process: JDK discovery, JVM flags, the classpath of the packaged build, exit
 * codes, and a stdout that holds nothing but results. It needs a packaged build ({@code target/lib}), which
 * {@code mvn test} alone does not make; without one the tests are skipped, saying so. They run with
 * {@code SPILLWAY_SKIP_BUILD=1}, so that a test never starts a Maven build.
 */
class LauncherTest {
    private final Path root = ProjectRoot.find();

    @BeforeEach
    void requirePackagedBuild() throws IOException {
        Path target = root.resolve("spillway-cli/target");
        boolean jar;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jar = files.anyMatch(file -> file.getFileName().toString().matches("spillway-cli-.*\\.jar"));
        }
        assumeTrue(jar && Files.isDirectory(target.resolve("lib")) && Files.isRegularFile(target.resolve("classpath.txt")),
                "bin/spillway needs a packaged build (spillway-cli/target/spillway-cli-*.jar, lib/, classpath.txt): run bin/spillway once, "
                        + "or mvn -B -DskipTests package");
    }

    @Test
    void printsCsvOnStdoutAndNothingElse(@TempDir Path elsewhere) throws Exception {
        Run run = spillway(elsewhere, root.resolve("bin/spillway"), "--format", "csv", "-c", "SELECT 42 AS answer, 'a,b' AS s, 'Zürich' AS city");
        assertThat(run.stderr).isEmpty();
        assertThat(run.stdout).isEqualTo("answer,s,city\n42,\"a,b\",Zürich\n");
        assertThat(run.exitCode).isZero();
    }

    @Test
    void worksThroughASymlinkFromAnotherDirectory(@TempDir Path elsewhere) throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("spillway"), root.resolve("bin/spillway"));
        Files.writeString(elsewhere.resolve("data.csv"), "x\n1\n2\n");
        Run run = spillway(elsewhere, link, "--format", "csv", "-c", "SELECT sum(x) AS total FROM 'data.csv'");
        assertThat(run.stdout).isEqualTo("total\n3\n");
        assertThat(run.exitCode).isZero();
    }

    @Test
    void failingStatementExitsWith1AndOneLine(@TempDir Path elsewhere) throws Exception {
        Run run = spillway(elsewhere, root.resolve("bin/spillway"), "-c", "SELECT * FROM no_such_table");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr).isEqualTo("Error: line 1, column 15: table \"no_such_table\" not found\n");
    }

    @Test
    void badUsageExitsWith2(@TempDir Path elsewhere) throws Exception {
        Run run = spillway(elsewhere, root.resolve("bin/spillway"), "--threads", "none", "-c", "SELECT 1");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).isEqualTo("Error: --threads: threads must be a whole number, got 'none'\n");
    }

    @Test
    void readsAScriptFromStdinAndGoesOnAfterErrors(@TempDir Path elsewhere) throws Exception {
        Run run = spillwayWithInput(elsewhere, root.resolve("bin/spillway"), "SELECT 1 AS a;\nSELECT nope;\nSELECT 2 AS b;\n", "--format", "csv");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stdout).isEqualTo("a\n1\nb\n2\n");
        assertThat(run.stderr.lines()).hasSize(1);
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run spillway(Path workingDirectory, Path launcher, String... args) throws Exception {
        return spillwayWithInput(workingDirectory, launcher, "", args);
    }

    private static Run spillwayWithInput(Path workingDirectory, Path launcher, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SPILLWAY_"));
        environment.put("SPILLWAY_SKIP_BUILD", "1");
        Path out = Files.createTempFile(workingDirectory, "stdout", ".txt");
        Path err = Files.createTempFile(workingDirectory, "stderr", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bin/spillway finished within 2 minutes").isTrue();
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
