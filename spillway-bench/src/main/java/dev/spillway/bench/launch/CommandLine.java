package dev.spillway.bench.launch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a benchmark's command line into options, leaving their values to the suite's parser. Options
 * take a value as {@code --name value} or {@code --name=value}. The options come back in the order given
 * and the parser applies them in that order, so a later option overrides an earlier one: a launcher script
 * puts its defaults first and the user's arguments after them.
 */
public final class CommandLine {
    /** One option as given, its value not yet checked. */
    public record Option(String name, String value) {
        public Option {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    private CommandLine() {}

    /**
     * The options in the order given, or empty when {@code --help} or {@code -h} appears anywhere (help wins
     * over everything, even over options that are wrong).
     *
     * @param known the option names the suite takes, e.g. {@code --threads}
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
     */
    public static Optional<List<Option>> split(List<String> arguments, Set<String> known) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            return Optional.empty();
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'");
            }
            int equals = argument.indexOf('=');
            String name = equals > 0 ? argument.substring(0, equals) : argument;
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (equals > 0) {
                options.add(new Option(name, argument.substring(equals + 1)));
            } else if (i + 1 < arguments.size()) {
                options.add(new Option(name, arguments.get(++i)));
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return Optional.of(options);
    }
}
