package dev.spillway.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers the layout of JSON files from the start of the first one (at most {@link #MAX_SAMPLE_BYTES}).
 *
 * <p>Algorithm: the format is an array when the first byte that is not white space is {@code [}; otherwise the
 * sample's values are parsed one after another, and if any object spans several lines the file is
 * {@link JsonFormat#UNSTRUCTURED} (read one file per task), else newline-delimited (splittable). Columns are the
 * union of the sampled objects' keys in first-seen order, each typed by a {@link JsonTypeObserver}. A file whose
 * values are not all objects becomes one column {@code json} holding each whole value, as in DuckDB. A value cut
 * off by the end of the sample is ignored.
 */
public final class JsonSniffer {
    public static final int MAX_SAMPLE_BYTES = 4 << 20;

    private JsonSniffer() {}

    public static JsonLayout sniff(Path file, long fileSize, JsonOptions options) {
        byte[] sample = new byte[(int) Math.min(fileSize, MAX_SAMPLE_BYTES)];
        int length = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (length < sample.length) {
                int read = channel.read(ByteBuffer.wrap(sample, length, sample.length - length), length);
                if (read <= 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + file + ": " + e.getMessage(), e);
        }
        return sniff(file.toString(), sample, length, length >= fileSize, options);
    }

    static JsonLayout sniff(String fileName, byte[] sample, int length, boolean complete, JsonOptions options) {
        JsonFormat format = options.format();
        if (format == JsonFormat.AUTO && firstSignificantByte(sample, length) == '[') {
            format = JsonFormat.ARRAY;
        }
        Map<String, JsonTypeObserver> keys = new LinkedHashMap<>();
        JsonTypeObserver wholeValues = new JsonTypeObserver();
        int objects = 0;
        int others = 0;
        boolean multiLine = false;
        long consumed = 0;
        try (JsonParser parser = JsonFormats.FACTORY.createParser(sample, 0, length)) {
            if (format == JsonFormat.ARRAY && parser.nextToken() != JsonToken.START_ARRAY) {
                throw SpillwayException.userError("%s:1: expected a JSON array (format = 'array')", fileName);
            }
            Set<String> seen = new HashSet<>();
            while (objects + others < options.sampleRows()) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    break;
                }
                int startLine = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.START_OBJECT) {
                    seen.clear();
                    for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                        String key = parser.currentName();
                        if (!seen.add(key)) {
                            throw SpillwayException.userError("%s:%d: key \"%s\" appears twice in one object", fileName,
                                    parser.currentTokenLocation().getLineNr(), key);
                        }
                        keys.computeIfAbsent(key, k -> new JsonTypeObserver()).observe(parser, parser.nextToken());
                    }
                    objects++;
                } else {
                    wholeValues.observe(parser, token);
                    others++;
                }
                // The last token's own line: the parser's position may already be past the following line break.
                multiLine |= parser.currentTokenLocation().getLineNr() != startLine;
                consumed = parser.currentLocation().getByteOffset();
            }
        } catch (JsonProcessingException e) {
            // A value cut off by the end of the sample is expected; anything else is reported where it is.
            if (complete) {
                throw JsonFormats.malformed(fileName, 0, e);
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        if (format == JsonFormat.AUTO) {
            format = multiLine ? JsonFormat.UNSTRUCTURED : JsonFormat.NEWLINE_DELIMITED;
        }
        int values = objects + others;
        double averageBytes = values == 0 ? 256 : Math.max(1.0, (double) consumed / values);
        if (!options.columns().isEmpty()) {
            return new JsonLayout(format, options.columns(), true, averageBytes);
        }
        if (objects == 0 || others > 0) {
            JsonColumn column = others > 0 && objects > 0
                    ? new JsonColumn("json", DataType.VARCHAR, true)
                    : objects == 0 && others == 0 ? new JsonColumn("json", DataType.VARCHAR, true) : wholeValues.column("json");
            return new JsonLayout(format, List.of(column), false, averageBytes);
        }
        List<JsonColumn> columns = new ArrayList<>(keys.size());
        keys.forEach((key, observer) -> columns.add(observer.column(key)));
        return new JsonLayout(format, columns, true, averageBytes);
    }

    private static int firstSignificantByte(byte[] bytes, int length) {
        int i = 0;
        // A UTF-8 byte order mark is not content.
        if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b;
            }
        }
        return -1;
    }
}
