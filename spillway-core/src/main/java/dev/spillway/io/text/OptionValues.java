package dev.spillway.io.text;

import dev.spillway.errors.SpillwayException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads named options of a table function ({@code read_csv('f', delim = ';')}) whose values arrive as
 * canonical Java values (String, Long, Boolean, List, Map). Every conversion error names the function and
 * the option, so users see {@code read_csv: option 'skip' must be a non-negative integer, got 'x'}.
 */
public final class OptionValues {
    private final String function;
    private final Map<String, Object> values;

    private OptionValues(String function, Map<String, Object> values) {
        this.function = function;
        this.values = values;
    }

    /** Option names are case-insensitive; any name outside {@code known} is an error listing the known ones. */
    public static OptionValues of(String function, Map<String, ?> options, Set<String> known) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                throw SpillwayException.userError("%s: unknown option '%s'; known options: %s",
                        function, entry.getKey(), String.join(", ", new TreeSet<>(known)));
            }
            if (normalized.put(name, entry.getValue()) != null) {
                throw SpillwayException.userError("%s: option '%s' is given twice", function, name);
            }
        }
        return new OptionValues(function, normalized);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object raw(String name) {
        return values.get(name);
    }

    /** The first of the given aliases that is set, or null; an error if two aliases are set. */
    public String firstPresent(String... aliases) {
        String found = null;
        for (String alias : aliases) {
            if (values.containsKey(alias)) {
                if (found != null) {
                    throw error(alias, "cannot be combined with '" + found + "' (they mean the same)");
                }
                found = alias;
            }
        }
        return found;
    }

    public String string(String name) {
        Object value = values.get(name);
        if (value instanceof String || value instanceof Character) {
            return value.toString();
        }
        throw error(name, "must be a string, got " + describe(value));
    }

    /**
     * A single ASCII character such as a delimiter; {@code \t} written as two characters means tab, as in
     * DuckDB. Returns -1 for the empty string when {@code emptyMeansNone} (no quote, no escape).
     */
    public int singleByte(String name, boolean emptyMeansNone) {
        String text = string(name);
        if (text.isEmpty() && emptyMeansNone) {
            return -1;
        }
        text = switch (text) {
            case "\\t" -> "\t";
            case "\\\\" -> "\\";
            default -> text;
        };
        if (text.length() != 1 || text.charAt(0) > 127 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            throw error(name, "must be a single ASCII character other than a line break, got '" + text + "'");
        }
        return text.charAt(0);
    }

    public boolean bool(String name) {
        Object value = values.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
            return n.longValue() == 1;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "yes", "on" -> {
                    return true;
                }
                case "false", "f", "0", "no", "off" -> {
                    return false;
                }
                default -> {}
            }
        }
        throw error(name, "must be true or false, got " + describe(value));
    }

    /** A whole number at least {@code min}. */
    public long integer(String name, long min) {
        Object value = values.get(name);
        long result;
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            result = n.longValue();
        } else if (value instanceof String s && s.trim().matches("-?\\d+")) {
            result = Long.parseLong(s.trim());
        } else {
            throw error(name, "must be an integer, got " + describe(value));
        }
        if (result < min) {
            throw error(name, "must be at least " + min + ", got " + result);
        }
        return result;
    }

    /** A list (or a single value as a one-element list). */
    public List<Object> list(String name) {
        Object value = values.get(name);
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Object[] array) {
            return new ArrayList<>(List.of(array));
        }
        if (value != null && !(value instanceof Map<?, ?>)) {
            return new ArrayList<>(List.of(value));
        }
        throw error(name, "must be a list, got " + describe(value));
    }

    /** A list of strings. */
    public List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        for (Object item : list(name)) {
            if (!(item instanceof String s)) {
                throw error(name, "must be a list of strings, got " + describe(item) + " in it");
            }
            result.add(s);
        }
        return result;
    }

    /** A struct literal {@code {'name': 'TYPE', ...}} as an ordered map of strings. */
    public Map<String, String> stringMap(String name) {
        Object value = values.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw error(name, "must be a struct such as {'a': 'BIGINT'}, got " + describe(value));
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String text)) {
                throw error(name, "must map names to type names, got " + describe(entry.getKey()) + ": " + describe(entry.getValue()));
            }
            result.put(key, text);
        }
        return result;
    }

    public SpillwayException error(String name, String problem) {
        return SpillwayException.userError("%s: option '%s' %s", function, name, problem);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value + " (" + value.getClass().getSimpleName() + ")";
    }
}
