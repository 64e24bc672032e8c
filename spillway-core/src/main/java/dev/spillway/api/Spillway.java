package dev.spillway.api;

/** Entry point of the Java API. */
public final class Spillway {
    private Spillway() {}

    /** A session with defaults overridden by {@code SPILLWAY_*} environment variables. */
    public static Session open() {
        return new Session(ExecutionConfig.fromEnvironment(System.getenv()));
    }

    public static Session open(ExecutionConfig config) {
        return new Session(config);
    }
}
