package dev.spillway.bench.worker;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.engine.EngineSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which engine a worker hosts and how it is set up, as the worker's command-line arguments. */
public record WorkerSpec(EngineKind engine, EngineSetup setup) {
    public WorkerSpec {
        requireNonNull(engine, "engine is null");
        requireNonNull(setup, "setup is null");
    }

    public List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--engine", engine.id(),
                "--threads", Integer.toString(setup.threads()),
                "--temp-dir", setup.tempDirectory().toString(),
                "--output-dir", setup.outputDirectory().toString()));
        setup.memoryLimit().ifPresent(limit -> arguments.addAll(List.of("--memory-limit", limit)));
        for (EngineSetup.ParquetTable table : setup.tables()) {
            arguments.addAll(List.of("--table", table.name() + "=" + table.file()));
        }
        return arguments;
    }

    public static WorkerSpec fromArguments(List<String> arguments) {
        EngineKind engine = null;
        int threads = 1;
        Path tempDirectory = null;
        Path outputDirectory = null;
        Optional<String> memoryLimit = Optional.empty();
        List<EngineSetup.ParquetTable> tables = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("no value after " + arguments.get(i));
            }
            String value = arguments.get(i + 1);
            switch (arguments.get(i)) {
                case "--engine" -> engine = EngineKind.byId(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--temp-dir" -> tempDirectory = Path.of(value);
                case "--output-dir" -> outputDirectory = Path.of(value);
                case "--memory-limit" -> memoryLimit = Optional.of(value);
                case "--table" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--table takes name=file, got " + value);
                    }
                    tables.add(new EngineSetup.ParquetTable(value.substring(0, equals), Path.of(value.substring(equals + 1))));
                }
                default -> throw new IllegalArgumentException("unknown worker argument " + arguments.get(i));
            }
        }
        if (engine == null || tempDirectory == null || outputDirectory == null) {
            throw new IllegalArgumentException("a worker needs --engine, --temp-dir and --output-dir");
        }
        return new WorkerSpec(engine, new EngineSetup(tables, threads, memoryLimit, tempDirectory, outputDirectory));
    }
}
