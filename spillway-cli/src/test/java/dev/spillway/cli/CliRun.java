package dev.spillway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process as the process would ({@link Cli#run}), with stdin from a string and stdout, stderr
 * and the exit code captured. The environment is only what the test gives, so the machine's {@code SPILLWAY_*}
 * variables cannot change results. Every session opened is checked for leaked memory when the run closes it
 * (a leak fails the run with exit code 1).
 */
final class CliRun {
    private final Map<String, String> environment = new HashMap<>();
    private final List<ExecutionConfig> openedWith = new ArrayList<>();
    private String stdin = "";

    static CliRun cli() {
        return new CliRun();
    }

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRun stdin(String text) {
        stdin = text;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliStreams streams = new CliStreams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, false, false);
        int exitCode = new Cli(streams, environment, this::open).run(args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), List.copyOf(openedWith));
    }

    private Session open(ExecutionConfig config) {
        openedWith.add(config);
        return Spillway.open(config);
    }

    /**
     * @param configs the configurations sessions were opened with (one per run that got past argument parsing)
     */
    record Result(int exitCode, String stdout, String stderr, List<ExecutionConfig> configs) {
        ExecutionConfig config() {
            assertThat(configs).as("sessions opened").hasSize(1);
            return configs.get(0);
        }

        Result succeeded() {
            assertThat(stderr).as("stderr").isEmpty();
            assertThat(exitCode).as("exit code; stderr: %s", stderr).isZero();
            return this;
        }

        /** One line {@code Error: ...} on stderr, nothing else. */
        String singleErrorLine() {
            assertThat(stderr).as("stderr").startsWith("Error: ").endsWith("\n");
            assertThat(stderr.lines()).as("stderr lines").hasSize(1);
            return stderr.strip().substring("Error: ".length());
        }
    }
}
