package dev.spillway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.api.CopyOptions;
import dev.spillway.api.SqlFrontend;
import dev.spillway.api.Statement;
import dev.spillway.io.parquet.ParquetCompression;
import dev.spillway.plan.Limit;
import dev.spillway.sql.testing.PlanPrinter;
import dev.spillway.sql.testing.Sql;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StatementParsingTest {
    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(SqlFrontend.class).findFirst()).get().isInstanceOf(CalciteSqlFrontend.class);
    }

    @Test
    void setAndReset() {
        assertThat(Sql.statement("SET memory_limit = '4GB'")).isEqualTo(new Statement.Set("memory_limit", "4GB"));
        assertThat(Sql.statement("SET threads TO 4;")).isEqualTo(new Statement.Set("threads", "4"));
        assertThat(Sql.statement("set SESSION temp_directory='/tmp/x'")).isEqualTo(new Statement.Set("temp_directory", "/tmp/x"));
        assertThat(Sql.statement("SET memory_limit = 4GB")).isEqualTo(new Statement.Set("memory_limit", "4GB"));
        assertThat(Sql.statement("RESET threads")).isEqualTo(new Statement.Reset("threads"));
        assertThatThrownBy(() -> Sql.statement("SET threads")).hasMessage("line 1, column 12: expected '=' or TO at the end of the statement");
    }

    @Test
    void createAndDropViews() {
        Statement.CreateView view = (Statement.CreateView) Sql.statement("CREATE OR REPLACE VIEW big_orders AS SELECT o_orderkey FROM orders WHERE o_totalprice > 1000");
        assertThat(view.name()).isEqualTo("big_orders");
        assertThat(view.replace()).isTrue();
        assertThat(view.plan().schema().names()).containsExactly("o_orderkey");

        Statement.CreateView renamed = (Statement.CreateView) Sql.statement("CREATE VIEW v (k, price) AS SELECT o_orderkey, o_totalprice FROM orders");
        assertThat(renamed.replace()).isFalse();
        assertThat(renamed.plan().schema().names()).containsExactly("k", "price");

        assertThat(Sql.statement("DROP VIEW v")).isEqualTo(new Statement.DropView("v", false));
        assertThat(Sql.statement("DROP VIEW IF EXISTS \"My View\"")).isEqualTo(new Statement.DropView("My View", true));
    }

    @Test
    void viewErrorsArePositionedInTheStatement() {
        assertThatThrownBy(() -> Sql.statement("CREATE VIEW v AS SELECT nope FROM orders"))
                .hasMessage("line 1, column 25: column \"nope\" not found");
    }

    @Test
    void explain() {
        Statement.Explain explain = (Statement.Explain) Sql.statement("EXPLAIN SELECT count(*) FROM lineitem");
        assertThat(explain.analyze()).isFalse();
        assertThat(PlanPrinter.shape(explain.plan())).isEqualTo("Aggregate\n  Scan lineitem\n");
        assertThat(((Statement.Explain) Sql.statement("EXPLAIN ANALYZE FROM 'x.csv' LIMIT 3")).analyze()).isTrue();
    }

    @Test
    void copyAQueryOrAViewToAFile() {
        Statement.Copy copy = (Statement.Copy) Sql.statement(
                "COPY (SELECT o_orderkey FROM orders ORDER BY 1) TO '/tmp/out.parquet' (FORMAT parquet, COMPRESSION zstd);");
        assertThat(copy.path()).isEqualTo("/tmp/out.parquet");
        assertThat(copy.options().format()).isEqualTo(CopyOptions.Format.PARQUET);
        assertThat(copy.options().compression()).isEqualTo(ParquetCompression.ZSTD);
        assertThat(PlanPrinter.shape(copy.plan())).isEqualTo("Sort\n  Project\n    Scan orders\n");

        Statement.Copy csv = (Statement.Copy) Sql.statement("copy (select 1 as one) to 'x.csv' with (header false, delimiter '\t')");
        assertThat(csv.options().format()).isEqualTo(CopyOptions.Format.CSV);
        assertThat(csv.options().header()).isFalse();
        assertThat(csv.options().delimiter()).isEqualTo('\t');
        assertThat(csv.plan().schema().names()).containsExactly("one");

        Statement.Copy byExtension = (Statement.Copy) Sql.statement("COPY ((SELECT 1) UNION ALL (SELECT 2)) TO 'out.csv'");
        assertThat(byExtension.options()).isEqualTo(CopyOptions.csv());
    }

    @Test
    void copyErrorsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT nope FROM orders) TO 'x.csv'"))
                .hasMessage("line 1, column 14: column \"nope\" not found");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1 TO 'x.csv'"))
                .hasMessage("line 1, column 6: unbalanced parenthesis: this '(' is never closed");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO x.csv"))
                .hasMessage("line 1, column 20: expected the file to write as a quoted string, found 'x'");
        assertThatThrownBy(() -> Sql.statement("COPY orders FROM 'x.csv'"))
                .hasMessageStartingWith("line 1, column 13: COPY ... FROM is not supported");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO 'x.json'"))
                .hasMessageStartingWith("cannot tell the format to write 'x.json' in from its extension");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO 'x.csv' (FORMAT csv, HEADER maybe)"))
                .hasMessage("COPY option HEADER takes true or false, got 'maybe'");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO 'x.csv' (ROW_GROUP_SIZE_BYTES '1MB')"))
                .hasMessage("COPY option ROW_GROUP_SIZE_BYTES applies to FORMAT parquet only, not csv");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO 'x.csv' (HEADER, HEADER)"))
                .hasMessage("line 1, column 37: option HEADER given twice");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO 'x.csv' (FORMAT xml)"))
                .hasMessage("COPY cannot write FORMAT xml; formats: parquet, csv");
        assertThatThrownBy(() -> Sql.statement("COPY (SELECT 1) TO 'x.csv' (COLOUR 'red')"))
                .hasMessageStartingWith("unknown COPY option COLOUR");
    }

    @Test
    void fromFirstShorthand() {
        Statement.Query query = (Statement.Query) Sql.statement("FROM orders WHERE o_totalprice > 10");
        assertThat(query.plan().schema().size()).isEqualTo(9);
        assertThat(PlanPrinter.shape(query.plan())).isEqualTo("Filter\n  Scan orders\n");
    }

    @Test
    void unsupportedStatementsAreNamed() {
        assertThatThrownBy(() -> Sql.statement("INSERT INTO t VALUES (1)"))
                .hasMessageStartingWith("line 1, column 1: INSERT statements are not supported");
        assertThatThrownBy(() -> Sql.statement("SELECT 1; SELECT 2"))
                .hasMessageStartingWith("line 1, column 9: several statements given where one was expected");
        assertThatThrownBy(() -> Sql.statement("  -- nothing")).hasMessage("empty statement");
    }

    @Test
    void splitStatementsReportScriptPositions() {
        CalciteSqlFrontend frontend = Sql.frontend();
        var statements = frontend.split("SELECT 1;\n\nSELECT\n  nope FROM orders;");
        assertThat(statements).hasSize(2);
        assertThatThrownBy(() -> frontend.parse(statements.get(1), new dev.spillway.sql.testing.TestCatalog()))
                .hasMessage("line 4, column 3: column \"nope\" not found");
    }

    @Test
    void trivialQueriesSkipCalciteAndGiveTheSamePlans() {
        CalciteSqlFrontend full = new CalciteSqlFrontend(false);
        for (String query : new String[] {
                "SELECT * FROM 'big.csv' LIMIT 5", "SELECT * FROM lineitem", "FROM orders LIMIT 10 OFFSET 20",
                "SELECT * FROM read_csv('f.csv', header = true) LIMIT 1", "SELECT * FROM range(3) r", "FROM \"ORDERS\" o OFFSET 3"}) {
            var catalog = new dev.spillway.sql.testing.TestCatalog();
            var fast = ((Statement.Query) Sql.frontend().parse(query, catalog)).plan();
            var slow = ((Statement.Query) full.parse(query, catalog)).plan();
            assertThat(PlanPrinter.print(fast)).as(query).isEqualTo(PlanPrinter.print(slow));
            assertThat(fast.schema()).as(query).isEqualTo(slow.schema());
        }
        assertThat(Sql.plan("SELECT * FROM 'big.csv' LIMIT 5")).isInstanceOf(Limit.class);
        assertThatThrownBy(() -> Sql.plan("SELECT * FROM nope LIMIT 5")).hasMessage("line 1, column 15: table \"nope\" not found");
        assertThatThrownBy(() -> full.parse("SELECT * FROM nope LIMIT 5", new dev.spillway.sql.testing.TestCatalog()))
                .hasMessage("line 1, column 15: table \"nope\" not found");
    }

    @Test
    void warmingUpTwiceIsHarmless() {
        CalciteSqlFrontend.warmUpInBackground();
        CalciteSqlFrontend.warmUpInBackground();
        assertThat(Sql.plan("SELECT count(*) FROM nation").schema().names()).containsExactly("count_star()");
    }
}
