package dev.spillway.cli;

import static java.util.Objects.requireNonNull;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The process's standard streams and whether stdin and stderr are terminals; tests pass byte arrays.
 *
 * @param stdinIsTerminal chooses the interactive shell over reading a script from stdin
 * @param stderrIsTerminal chooses an updating progress bar over one progress line per step
 */
record CliStreams(InputStream in, OutputStream out, OutputStream err, boolean stdinIsTerminal, boolean stderrIsTerminal) {
    CliStreams {
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
    }

    /**
     * The real streams, unbuffered (callers buffer). Whether a stream is a terminal comes from the launcher
     * ({@code -Dspillway.stdin.tty}, which asks the shell's {@code [ -t 0 ]}); without it, from {@link System#console()}.
     */
    static CliStreams system() {
        return new CliStreams(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), isTerminal("spillway.stdin.tty"), isTerminal("spillway.stderr.tty"));
    }

    private static boolean isTerminal(String property) {
        String fromLauncher = System.getProperty(property);
        if (fromLauncher != null) {
            return Boolean.parseBoolean(fromLauncher);
        }
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
