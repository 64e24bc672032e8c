package dev.spillway.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Which commit of Spillway was measured, as git tells it, so a report can be traced back to code. */
public final class SourceRevision {
    private SourceRevision() {}

    /** {@code abc1234}, with " plus uncommitted changes" when the work tree is dirty, or "unknown". */
    public static String describe(Path repository) {
        String commit = git(repository, "rev-parse", "--short=12", "HEAD");
        if (commit.isEmpty()) {
            return "unknown";
        }
        String changes = git(repository, "status", "--porcelain", "--untracked-files=no");
        return changes.isEmpty() ? commit : commit + " plus uncommitted changes";
    }

    private static String git(Path repository, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return "";
            }
            return new String(output, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
