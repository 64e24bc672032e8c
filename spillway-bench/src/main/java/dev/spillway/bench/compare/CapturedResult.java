package dev.spillway.bench.compare;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One engine's full answer to a query, as canonical Java values, passed from a worker to the harness in a
 * file. Java serialization suits this: the values are JDK classes that serialize exactly (BigDecimal
 * scale, double bits), and a filter admits only JDK classes on reading.
 */
public record CapturedResult(List<String> columns, List<List<Object>> rows) {
    private static final ObjectInputFilter ONLY_VALUES = ObjectInputFilter.Config.createFilter(
            "java.base/*;!*");

    public CapturedResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        // Rows may hold NULLs, so List.copyOf (which rejects them) is used only for the outer list.
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new ArrayList<>(columns));
            objects.writeObject(plainRows());
        }
    }

    public static CapturedResult read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_VALUES);
            @SuppressWarnings("unchecked")
            List<String> columns = (List<String>) objects.readObject();
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) objects.readObject();
            return new CapturedResult(columns, rows);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a captured result: " + file, e);
        }
    }

    /** Plain ArrayLists, so what is written does not depend on the JDK's private immutable-list classes. */
    private ArrayList<ArrayList<Object>> plainRows() {
        ArrayList<ArrayList<Object>> plain = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            plain.add(new ArrayList<>(row));
        }
        return plain;
    }
}
