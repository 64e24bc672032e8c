package dev.spillway.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.sql.testing.Sql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors are one-line user errors that say what is wrong and where (line and column of the user's text). */
class ErrorMessagesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT foo FROM lineitem                                          | line 1, column 8: column "foo" not found
            SELECT l_orderkey FROM lineitemx                                  | line 1, column 24: table "lineitemx" not found
            SELECT x.l_orderkey FROM lineitem                                 | line 1, column 8: table "x" not found
            SELECT frobnicate(l_orderkey) FROM lineitem                       | line 1, column 8: function "frobnicate" not found
            SELECT upper(l_orderkey, 2) FROM lineitem                         | line 1, column 8: wrong number of arguments to function upper (expected 1)
            SELECT l_orderkey FROM FROM lineitem                              | line 1, column 19: syntax error at or near "FROM"
            SELECT l_orderkey FROM lineitem WHERE                             | line 1, column 33: syntax error at or near "WHERE"
            SELECT n_name FROM nation n1, nation n2                           | line 1, column 8: column "n_name" is ambiguous
            SELECT l_orderkey, count(*) FROM lineitem                         | line 1, column 8: column "l_orderkey" must appear in the GROUP BY clause or be used in an aggregate function
            SELECT l_shipdate + 'abc' FROM lineitem                           | line 1, column 8: cannot apply + to DATE and VARCHAR
            SELECT avg(l_shipdate) FROM lineitem                              | line 1, column 8: cannot apply avg to DATE
            SELECT date_trunc('fortnight', l_shipdate) FROM lineitem          | line 1, column 8: date_trunc does not know the unit 'fortnight' (known: century, day, decade, hour, millennium, minute, month, quarter, second, week, year)
            SELECT l_orderkey FROM lineitem ORDER BY 5                        | line 1, column 42: position in ORDER BY or GROUP BY is out of range of the select list
            SELECT CAST(l_orderkey AS DATE) FROM lineitem                     | line 1, column 8: cannot cast BIGINT to DATE
            SELECT CAST(l_comment AS TIME) FROM lineitem                      | line 1, column 8: type TIME(0) is not supported
            SELECT row_number() OVER () FROM lineitem                         | line 1, column 8: window functions (OVER) are not supported yet
            SELECT 1 FROM lineitem WHERE EXISTS (SELECT 1 FROM nation) OR TRUE | line 1, column 30: EXISTS sub-queries are supported only as AND-ed conditions of WHERE or HAVING
            SELECT * FROM range(x)                                            | line 1, column 21: arguments of table function range must be constants (strings, numbers, booleans or [lists]), found 'x'
            SELECT * FROM nope(1)                                             | line 1, column 15: table function nope does not exist
            SELECT * FROM 'missing.csv'                                       | line 1, column 15: no files match 'missing.csv'
            SELECT a FROM 'x.csv' GROUP BY ALL ORDER BY nope                  | line 1, column 45: column "nope" not found
            """)
    void namesTheProblemAndItsPosition(String query, String message) {
        assertThatThrownBy(() -> Sql.plan(query))
                .isInstanceOf(SpillwayException.class)
                .hasMessage(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SpillwayException) e).kind()).isEqualTo(ErrorKind.USER_INPUT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT l_orderkey,\\n  l_partkey +\\n  FROM lineitem            | line 2, column 13: syntax error at or near "+"
            SELECT 1 FROM lineitem\\n\\tWHERE\\tfoo = 1                    | line 2, column 8: column "foo" not found
            SELECT * FROM 'a.csv' JOIN\\n 'missing.csv' ON true            | line 2, column 2: no files match 'missing.csv'
            SELECT * FROM 'a.csv' AS a\\nWHERE nope = 1                    | line 2, column 7: column "nope" not found
            SELECT * FROM range(1000) r(i), 'x.csv'\\nWHERE bad > 1        | line 2, column 7: column "bad" not found
            """)
    void positionsSurviveLineBreaksTabsAndRewrites(String query, String message) {
        assertThatThrownBy(() -> Sql.plan(query.replace("\\n", "\n").replace("\\t", "\t"))).hasMessage(message);
    }
}
