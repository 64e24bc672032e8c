package dev.spillway.data;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.arrow.vector.FieldVector;

/**
 * For a string vector decoded from a Parquet dictionary: each row's dictionary index ({@code -1} for NULL),
 * so that operators can work per distinct value instead of per row (aggregation looks a row's group up by its
 * code, without hashing or comparing its bytes). {@code dictionary} identifies the dictionary: equal codes of
 * two vectors mean equal strings only when it is the same object.
 *
 * <p>Kept beside the vector rather than in it (Arrow's vector has no room for it): the reader attaches codes to
 * every string vector it fills, or removes them, and any operator that makes a new vector simply has none.
 */
public record DictionaryCodes(Object dictionary, int size, int[] codes) {
    private static final Map<FieldVector, DictionaryCodes> ATTACHED = Collections.synchronizedMap(new WeakHashMap<>());

    /** Records {@code codes} for the rows of {@code vector}, or forgets any it had when {@code codes} is null. */
    public static void attach(FieldVector vector, DictionaryCodes codes) {
        if (codes == null) {
            ATTACHED.remove(vector);
        } else {
            ATTACHED.put(vector, codes);
        }
    }

    /** The codes of the vector's rows, or null. */
    public static DictionaryCodes of(FieldVector vector) {
        return ATTACHED.get(vector);
    }
}
