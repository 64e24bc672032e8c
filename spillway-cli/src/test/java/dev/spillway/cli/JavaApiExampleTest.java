package dev.spillway.cli;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.BatchStream;
import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.QueryResult;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.data.Batch;
import org.junit.jupiter.api.Test;

/**
 * The Java API example of README.md, run as a test so that it keeps compiling and working. README shows the
 * lines between the {@code README example} markers; {@link ReadmeTest} checks that they are the same.
 */
class JavaApiExampleTest {
    @Test
    void readmeExampleRuns() {
        long rows = 0;
        // README example begin
        try (Session session = Spillway.open(ExecutionConfig.defaults().withMemoryLimit(2L << 30))) {
            // DataFrames are lazy: nothing runs until collect(), stream(), count() or show().
            DataFrame lineitem = session.tpch("lineitem", 0.01);
            QueryResult bigOrders = lineitem
                    .filter(col("l_quantity").gt(45))
                    .groupBy("l_returnflag")
                    .agg(countStar().as("lines"), sum(col("l_extendedprice")).as("revenue"))
                    .sort("l_returnflag")
                    .collect();
            System.out.println(bigOrders);

            // SQL runs on the same engine; a DataFrame can be a view for SQL.
            session.createView("lineitem", lineitem);
            DataFrame byMode = session.sql("SELECT l_shipmode, count(*) AS lines FROM lineitem GROUP BY l_shipmode");
            try (BatchStream stream = byMode.stream()) {   // streams Arrow batches, bounded memory
                while (stream.hasNext()) {
                    try (Batch batch = stream.next()) {
                        rows += batch.rowCount();
                    }
                }
            }
        }
        // README example end
        assertThat(rows).isEqualTo(7);
    }
}
