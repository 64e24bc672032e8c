package dev.spillway.cli;

import dev.spillway.api.Spillway;

/** The {@code spillway} command; {@code bin/spillway} starts it with the JVM flags Arrow needs. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = new Cli(CliStreams.system(), System.getenv(), Spillway::open).run(args);
        System.exit(exitCode);
    }
}
