package dev.spillway.bench.worker;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.MachineMemory;
import dev.spillway.bench.BuildInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the harness starts child JVMs: the java of the harness itself, its classpath, and the JVM options
 * every child shares, so that the two engines' processes differ only in the engine they host.
 *
 * @param jvmOptions Arrow's flags from the build ({@link BuildInfo}), the heap sizes, and a direct-memory
 *                   ceiling of the machine's memory: Arrow's allocations count as direct memory, and the
 *                   engine's own {@code memory_limit}, not a JVM flag, is what is meant to bound them
 */
public record ChildJvm(Path javaExecutable, String classpath, List<String> jvmOptions) {
    public ChildJvm {
        requireNonNull(javaExecutable, "javaExecutable is null");
        requireNonNull(classpath, "classpath is null");
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Children like the current JVM, with the given maximum heap (e.g. {@code 2g}). */
    public static ChildJvm likeThisJvm(String maxHeap) {
        List<String> options = new ArrayList<>(BuildInfo.load().jvmFlags());
        // As bin/spillway: a small initial heap, so G1 does not touch 1/64 of physical memory whatever it needs.
        options.add("-Xms32m");
        options.add("-Xmx" + maxHeap);
        options.add("-XX:MaxDirectMemorySize=" + MachineMemory.physicalBytes());
        return new ChildJvm(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"), options);
    }

    public List<String> command(Class<?> mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass.getName());
        command.addAll(arguments);
        return command;
    }

    /** Runs a main class to completion, sharing this process's stdin, stdout and stderr; returns the exit code. */
    public int runToCompletion(Class<?> mainClass, List<String> arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(mainClass, arguments)).inheritIO().start();
        try {
            return process.waitFor();
        } finally {
            process.destroyForcibly();
        }
    }
}
