package dev.spillway.api.output;

import static java.util.Objects.requireNonNull;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.AtomicFiles;
import dev.spillway.io.TableWriter;
import dev.spillway.types.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A query result written to a CSV file (as {@link CsvResultWriter} formats it), renamed into place on commit. */
public final class CsvFileWriter implements TableWriter {
    private static final int BUFFER_CHARS = 1 << 16;

    private final Path target;
    private final Path temporary;
    private final BufferedWriter out;
    private final CsvResultWriter csv;
    private boolean finished;

    public CsvFileWriter(Path target, Schema schema, char delimiter, boolean header) {
        this.target = requireNonNull(target, "target is null").toAbsolutePath();
        this.temporary = AtomicFiles.temporarySibling(this.target);
        BufferedWriter opened = null;
        try {
            opened = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), BUFFER_CHARS);
            this.out = opened;
            this.csv = new CsvResultWriter(out, delimiter, header);
            csv.start(schema);
        } catch (IOException e) {
            closeQuietly(opened);
            deleteQuietly(temporary);
            throw SpillwayException.ioError("cannot create " + this.target + ": " + describe(e), e);
        }
    }

    @Override
    public void write(Batch batch) {
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already committed or aborted");
        }
        try {
            csv.write(batch);
        } catch (IOException e) {
            abort();
            throw SpillwayException.ioError("cannot write " + target + ": " + describe(e), e);
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already committed or aborted");
        }
        try {
            csv.finish();
            out.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
        } catch (IOException e) {
            abort();
            throw SpillwayException.ioError("cannot write " + target + ": " + describe(e), e);
        }
    }

    @Override
    public void abort() {
        finished = true;
        closeQuietly(out);
        deleteQuietly(temporary);
    }

    @Override
    public void close() {
        if (!finished) {
            abort();
        }
    }

    /** The exception's message, which for file-system errors is often only the path: then its kind too. */
    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }

    private static void closeQuietly(BufferedWriter writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // The write error being reported matters more.
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover hidden .tmp file is harmless; the original failure is what the user needs.
        }
    }
}
