package dev.spillway.cli;

import dev.spillway.api.Session;
import dev.spillway.io.tpch.TpchQueryText;
import dev.spillway.io.tpch.TpchSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code spillway demo}: TPC-H data as Parquet (generated once into {@code <temp_directory>/spillway-tpch-sf<N>/}),
 * views over the files, then two queries that show the engine's main parts: Q1 (scan, filter, hash aggregation of
 * all of lineitem) and Q5 (joins of six tables with a filter pushed into the scans), with their timings.
 */
final class DemoCommand {
    /** A query of the showcase, by its TPC-H number. */
    private record ShowcaseQuery(String name, String title, int number) {}

    private static final List<ShowcaseQuery> QUERIES = List.of(
            new ShowcaseQuery("Q1", "pricing summary: filter and aggregate all of lineitem", 1),
            new ShowcaseQuery("Q5", "local supplier volume: join customer, orders, lineitem, supplier, nation and region", 5));

    private final StatementExecutor executor;
    private final double scaleFactor;
    private final boolean progressBar;

    DemoCommand(StatementExecutor executor, double scaleFactor, boolean progressBar) {
        this.executor = executor;
        this.scaleFactor = scaleFactor;
        this.progressBar = progressBar;
    }

    int run() {
        Session session = executor.session();
        String scale = BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
        Path directory = session.config().tempDirectory().resolve("spillway-tpch-sf" + scale);
        new TpchGeneration(directory, scaleFactor, session, progressBar ? TpchGeneration.Display.BAR : TpchGeneration.Display.LINES,
                executor.errors()).ensureGenerated();
        for (String table : TpchSource.tableNames()) {
            session.createView(table, session.read(directory.resolve(table + ".parquet").toString()));
        }
        ResultPrinter printer = executor.printer();
        printer.printText("TPC-H scale factor " + scale + ", Parquet files in " + directory + "\n");
        for (ShowcaseQuery query : QUERIES) {
            printer.printText("\n" + query.name() + " (" + query.title() + ")\n");
            long start = System.nanoTime();
            if (!executor.executeAll(TpchQueryText.sql(query.number()), true)) {
                return ExitCodes.STATEMENT_FAILED;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            printer.printText(String.format(Locale.ROOT, "%s took %.2f s%n", query.name(), seconds));
        }
        return ExitCodes.SUCCESS;
    }
}
