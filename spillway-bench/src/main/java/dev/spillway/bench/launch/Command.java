package dev.spillway.bench.launch;

import static java.util.Objects.requireNonNull;

/**
 * What a suite's command line asks for: a run with options, or the usage text.
 *
 * @param <O> the suite's options record
 */
public sealed interface Command<O> {
    record Run<O>(O options) implements Command<O> {
        public Run {
            requireNonNull(options, "options is null");
        }
    }

    record Help<O>() implements Command<O> {}
}
