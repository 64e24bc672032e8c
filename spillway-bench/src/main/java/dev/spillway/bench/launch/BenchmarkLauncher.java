package dev.spillway.bench.launch;

import dev.spillway.bench.report.ConsoleTable;
import dev.spillway.bench.report.QueryStatus;
import dev.spillway.bench.report.WrittenReport;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The main method every suite shares: parse the options, run, print the table and the report's path, and
 * exit with 0 when every query is OK, 1 when any is not (wrong answer, error or timeout), 2 when the
 * options are wrong or the benchmark could not run at all.
 */
public final class BenchmarkLauncher {
    /** A suite's option parser. */
    @FunctionalInterface
    public interface Parser<O> {
        /** @throws IllegalArgumentException with a message for the user when an option is wrong */
        Command<O> parse(List<String> arguments, LaunchDefaults defaults);
    }

    /** Runs a suite with its options and writes its report. */
    @FunctionalInterface
    public interface Suite<O> {
        WrittenReport run(O options) throws IOException, InterruptedException;
    }

    private BenchmarkLauncher() {}

    /**
     * @param program the launcher script's name, to prefix messages with (e.g. {@code run-tpch})
     */
    public static <O> void main(String program, String usage, String[] args, Parser<O> parser, Suite<O> suite) {
        O options;
        try {
            switch (parser.parse(Arrays.asList(args), LaunchDefaults.ofThisMachine())) {
                case Command.Help<O> help -> {
                    System.out.print(usage);
                    return;
                }
                case Command.Run<O> run -> options = run.options();
            }
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        try {
            WrittenReport result = suite.run(options);
            System.out.print(ConsoleTable.render(result.report()));
            System.out.println();
            System.out.println("Report: " + result.markdownFile());
            boolean allOk = result.report().outcomes().stream().allMatch(outcome -> outcome.status() == QueryStatus.OK);
            System.exit(allOk ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            System.err.println(program + ": interrupted");
            System.exit(2);
        }
    }
}
