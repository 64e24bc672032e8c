package dev.spillway.cli;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.Setting;
import dev.spillway.api.output.OutputFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed command line.
 *
 * @param settingFlags the values of setting flags as typed ({@code --threads 4}), validated later with the environment
 * @param command the {@code -c} script, if given
 * @param demoScaleFactor present when the {@code demo} subcommand was given
 */
record CliArguments(Map<Setting, String> settingFlags, OutputFormat format, boolean verbose, Optional<String> command,
                    Optional<Double> demoScaleFactor) {
    CliArguments {
        settingFlags = Map.copyOf(requireNonNull(settingFlags, "settingFlags is null"));
        requireNonNull(format, "format is null");
        requireNonNull(command, "command is null");
        requireNonNull(demoScaleFactor, "demoScaleFactor is null");
    }
}
