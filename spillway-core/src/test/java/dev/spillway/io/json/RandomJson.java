package dev.spillway.io.json;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/** Seeded random JSON Lines content: objects over a random set of keys, each key with one kind of value. */
final class RandomJson {
    static final List<Function<Random, String>> KINDS = List.of(
            random -> Long.toString(random.nextLong() >> random.nextInt(64)),
            random -> String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 1000),
            random -> quote(List.of("alpha", "", "with space", "ünï", "日本", "q\\\"uote", "line\\nbreak", "tab\\t").get(random.nextInt(8))),
            random -> random.nextBoolean() ? "true" : "false",
            random -> quote(String.format("%04d-%02d-%02d", 1950 + random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28))),
            random -> quote(String.format("2021-%02d-%02d %02d:%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60))),
            random -> quote(String.format("2021-%02d-%02dT%02d:%02d:%02dZ", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60))),
            random -> "{\"x\":" + random.nextInt(100) + ",\"y\":\"s" + random.nextInt(10) + "\"}",
            random -> "[" + random.nextInt(10) + "," + random.nextInt(10) + "]",
            random -> random.nextBoolean() ? Integer.toString(random.nextInt(100)) : quote("w" + random.nextInt(100)));

    private final Random random;
    private final int[] kinds;

    RandomJson(long seed) {
        this.random = new Random(seed);
        this.kinds = new int[1 + random.nextInt(7)];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = random.nextInt(KINDS.size());
        }
    }

    String file(int rows) {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            out.append('{');
            boolean first = true;
            for (int key = 0; key < kinds.length; key++) {
                int draw = random.nextInt(20);
                if (draw == 0 && row > 0) {
                    continue;
                }
                out.append(first ? "" : ", ").append("\"k").append(key).append("\": ");
                out.append(draw == 1 ? "null" : KINDS.get(kinds[key]).apply(random));
                first = false;
            }
            out.append(random.nextInt(10) == 0 ? "}\r\n" : "}\n");
        }
        return out.toString();
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
