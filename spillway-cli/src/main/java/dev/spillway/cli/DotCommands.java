package dev.spillway.cli;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Setting;
import dev.spillway.api.output.OutputFormat;
import dev.spillway.errors.SpillwayException;
import java.util.Locale;

/**
 * The shell's own commands, lines starting with {@code .} where a statement could start (in the interactive
 * shell and in scripts read from stdin): {@code .help}, {@code .exit}/{@code .quit}, {@code .settings},
 * {@code .format}.
 */
final class DotCommands {
    static final String HELP = """
            Enter SQL statements ending with ';' (they may span lines), or a command:
              .help              this text
              .settings          current values of all settings (change them with SET name = value;)
              .format NAME       result format: table, csv or json
              .exit, .quit       leave (Ctrl-D does too; Ctrl-C cancels a running query)
            Examples:
              SELECT * FROM 'data.parquet' LIMIT 10;
              SELECT count(*) FROM read_csv('logs/*.csv');
              CREATE VIEW t AS SELECT * FROM tpch('lineitem', 0.1);
              SET memory_limit = '4GB';
            """;

    /** What the runner does after a command. */
    enum Outcome { CONTINUE, FAILED, EXIT }

    private final StatementExecutor executor;

    DotCommands(StatementExecutor executor) {
        this.executor = executor;
    }

    static boolean isCommand(String line) {
        return line.strip().startsWith(".");
    }

    Outcome run(String line) {
        String[] words = line.strip().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        switch (name) {
            case ".exit", ".quit" -> {
                return Outcome.EXIT;
            }
            case ".help" -> executor.printer().printText(HELP);
            case ".settings" -> executor.printer().printText(settings(executor.session().config()));
            case ".format" -> {
                if (words.length != 2) {
                    executor.errors().report("usage: .format table|csv|json (now " + executor.printer().format().name().toLowerCase(Locale.ROOT) + ")");
                    return Outcome.FAILED;
                }
                try {
                    executor.printer().setFormat(OutputFormat.parse(words[1]));
                } catch (SpillwayException e) {
                    executor.errors().report(e);
                    return Outcome.FAILED;
                }
            }
            default -> {
                executor.errors().report("unknown command '" + words[0] + "'; .help lists the commands");
                return Outcome.FAILED;
            }
        }
        return Outcome.CONTINUE;
    }

    private static String settings(ExecutionConfig config) {
        StringBuilder text = new StringBuilder();
        for (Setting setting : Setting.values()) {
            text.append(setting.sqlName()).append(" = ").append(config.display(setting)).append('\n');
        }
        return text.toString();
    }
}
