package dev.spillway.api.output;

import dev.spillway.errors.SpillwayException;
import java.util.Locale;

/** Result formats of the CLI and of {@code show()}. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SpillwayException.userError("unknown output format '%s'; use table, csv or json", name);
        }
    }
}
