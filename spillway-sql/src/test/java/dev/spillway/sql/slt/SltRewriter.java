package dev.spillway.sql.slt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Complete mode's writer: replaces the type letters and the expected block of the given query records. */
final class SltRewriter {
    private SltRewriter() {}

    static void rewrite(Path file, String text, Map<SltRecord.Query, SltResult> results) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        // From the bottom up, so that the indexes of the records above stay valid.
        List<SltRecord.Query> records = results.keySet().stream().sorted(Comparator.comparingInt(SltRecord.Query::headerIndex).reversed()).toList();
        for (SltRecord.Query record : records) {
            SltResult result = results.get(record);
            List<String> block = new ArrayList<>();
            block.add("----");
            block.addAll(result.lines(record.sortMode()));
            lines.subList(record.sqlEndIndex(), record.resultEndIndex()).clear();
            lines.addAll(record.sqlEndIndex(), block);
            lines.set(record.headerIndex(), lines.get(record.headerIndex()).replaceFirst("^(\\s*query\\s+)\\S+", "$1" + result.types()));
        }
        try {
            Files.writeString(file, String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
