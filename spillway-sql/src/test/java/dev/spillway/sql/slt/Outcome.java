package dev.spillway.sql.slt;

import java.util.function.Supplier;

/** What running one statement in one engine gave: a result (null for statements without rows) or an error. */
record Outcome(SltResult result, RuntimeException error) {
    static Outcome of(Supplier<SltResult> run) {
        try {
            return new Outcome(run.get(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    boolean failed() {
        return error != null;
    }

    String errorMessage() {
        return error == null ? null : String.valueOf(error.getMessage());
    }
}
