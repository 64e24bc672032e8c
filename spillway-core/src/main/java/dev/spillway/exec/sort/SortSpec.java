package dev.spillway.exec.sort;

/** One sort key of a physical sort: an input column, direction, and where NULLs go. */
public record SortSpec(int column, boolean ascending, boolean nullsFirst) {
    @Override
    public String toString() {
        return "#" + column + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
