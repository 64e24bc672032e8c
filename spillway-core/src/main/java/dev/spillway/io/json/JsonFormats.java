package dev.spillway.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.spillway.errors.SpillwayException;

/** The shared Jackson factory and the translation of Jackson's errors into one-line user errors. */
final class JsonFormats {
    /**
     * Thread-safe and shared. The empty root separator lets one generator render many values as JSON text without
     * Jackson's default space between root-level values.
     */
    static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .rootValueSeparator("")
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Jackson's bundled FastDoubleParser: same correctly rounded results, several times faster.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private JsonFormats() {}

    /**
     * {@code file.json:12: malformed JSON: Unexpected end-of-input}; {@code linesBefore} is the number of lines
     * before the parser's start (it counts lines from its own first byte).
     */
    static SpillwayException malformed(String fileName, long linesBefore, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        long line = linesBefore + (location == null ? 1 : Math.max(1, location.getLineNr()));
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // Jackson appends locations in its own words; the file and line are already in front.
        for (String tail : new String[] {"\n", " (start marker at", " at [Source"}) {
            int cut = message.indexOf(tail);
            if (cut >= 0) {
                message = message.substring(0, cut);
            }
        }
        return SpillwayException.userError("%s:%d: malformed JSON: %s", fileName, line, message.strip());
    }
}
