package dev.spillway.bench.compare;

import java.util.List;

/**
 * The verdict on two answers: equal, or the first few differences in words (enough to start
 * debugging, not a full diff).
 */
public record Comparison(List<String> differences) {
    public Comparison {
        differences = List.copyOf(differences);
    }

    public static Comparison equal() {
        return new Comparison(List.of());
    }

    public boolean matches() {
        return differences.isEmpty();
    }
}
