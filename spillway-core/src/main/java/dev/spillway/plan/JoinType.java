package dev.spillway.plan;

/** Join kinds. SEMI and ANTI output only the left side's columns. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

    public boolean outputsRight() {
        return this != SEMI && this != ANTI;
    }

    /** The same join with its inputs swapped, or null when it cannot be swapped. */
    public JoinType swapped() {
        return switch (this) {
            case INNER -> INNER;
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            case FULL -> FULL;
            case SEMI, ANTI -> null;
        };
    }
}
