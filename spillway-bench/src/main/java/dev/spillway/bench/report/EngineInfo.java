package dev.spillway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.engine.EngineKind;

/**
 * What a worker said about its engine when it started.
 *
 * @param idleRssBytes the worker's RSS with the engine set up and no query run yet (-1 if unknown): the
 *                     floor under every peak, mostly the JVM itself
 */
public record EngineInfo(EngineKind engine, String version, String rssMethod, long idleRssBytes) {
    public EngineInfo {
        requireNonNull(engine, "engine is null");
        requireNonNull(version, "version is null");
        requireNonNull(rssMethod, "rssMethod is null");
    }
}
