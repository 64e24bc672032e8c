package dev.spillway.sql.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.sql.testing.DuckDbOracle;
import dev.spillway.sql.testing.Golden;
import dev.spillway.sql.testing.Sql;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression of {@code typing/expressions.txt}, selected from a table of every type, gets the result
 * type DuckDB gives it (DuckDB is asked with {@code DESCRIBE}) and, mostly, DuckDB's column name.
 */
class ExpressionTypingTest {
    /** Expressions whose Spillway type differs from DuckDB's on purpose or by a known gap in the core binder. */
    private static final Map<String, String> TYPE_DEVIATIONS = Map.of(
            "ceil(i)", "INTEGER", // DuckDB: DOUBLE; the core types floor/ceil of an integer as the integer
            "floor(i)", "INTEGER",
            "ceil(b)", "BIGINT",
            "sign(m)", "INTEGER", // DuckDB: TINYINT, which Spillway does not have
            "sum(m) * 0.0001000000", "DOUBLE"); // DuckDB: DECIMAL(38,12); the core falls back to DOUBLE past 38 digits

    /** Expressions whose name differs from DuckDB's: DuckDB prints intervals as the functions it binds them to. */
    private static final List<String> NAME_DEVIATIONS = List.of(
            "dt + INTERVAL '3' MONTH", "dt - INTERVAL '90' DAY", "dt + INTERVAL 1 YEAR", "ts + INTERVAL '2' HOUR", "extract(dow from dt)");

    /** DuckDB syntax or typing the front end rejects, with a user error. */
    private static final List<String> UNSUPPORTED = List.of("i // 2");

    private static DuckDbOracle duckDb;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    static Stream<String> expressions() {
        return Golden.read("typing/expressions.txt").lines().filter(line -> !line.isBlank() && !line.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void typeAndNameAreDuckDbs(String expression) {
        String query = "SELECT " + expression + " FROM t";
        if (UNSUPPORTED.contains(expression)) {
            assertThatThrownBy(() -> Sql.plan(query)).isInstanceOf(SpillwayException.class)
                    .satisfies(e -> assertThat(((SpillwayException) e).kind()).isEqualTo(ErrorKind.USER_INPUT));
            return;
        }
        String ours = DuckDbOracle.describe(Sql.plan(query).schema()).get(0);
        String theirs = normalize(DuckDbOracle.spillwayEquivalents(duckDb.describe(query)).get(0));
        assertThat(type(ours)).as("type of %s", expression).isEqualTo(TYPE_DEVIATIONS.getOrDefault(expression, type(theirs)));
        if (!NAME_DEVIATIONS.contains(expression)) {
            assertThat(name(ours)).as("name of %s", expression).isEqualTo(name(theirs));
        }
    }

    /** DuckDB calls the type of a bare NULL "NULL", quoted. */
    private static String normalize(String column) {
        return column.replace(" \"NULL\"", " NULL");
    }

    private static String type(String column) {
        return column.substring(column.lastIndexOf(' ') + 1);
    }

    private static String name(String column) {
        return column.substring(0, column.lastIndexOf(' '));
    }
}
