package dev.spillway.bench.engine;

import dev.spillway.errors.SpillwayException;
import java.util.Locale;

/** The engines the benchmark knows; the lower-case name is how the harness names them to a worker. */
public enum EngineKind {
    SPILLWAY("Spillway"),
    DUCKDB("DuckDB");

    private final String displayName;

    EngineKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EngineKind byId(String id) {
        for (EngineKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw SpillwayException.userError("unknown engine '%s'; engines are spillway and duckdb", id);
    }

    /** Starts the engine and defines the setup's views; the caller closes it. */
    public BenchEngine open(EngineSetup setup) {
        return switch (this) {
            case SPILLWAY -> SpillwayBenchEngine.open(setup);
            case DUCKDB -> DuckDbBenchEngine.open(setup);
        };
    }
}
