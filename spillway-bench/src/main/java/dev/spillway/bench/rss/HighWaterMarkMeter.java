package dev.spillway.bench.rss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's own high-water mark, reset through {@code /proc/self/clear_refs} (see the package description). */
public final class HighWaterMarkMeter implements PeakRssMeter {
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    /** Right after a reset VmHWM equals VmRSS; allow for pages touched between the write and the read. */
    private static final long RESET_SLACK_BYTES = 8L << 20;

    HighWaterMarkMeter() {}

    /**
     * True if resetting makes VmHWM fall back to VmRSS here. The probe first raises the mark above the
     * current RSS with a short-lived native block, so a reset that silently does nothing is caught.
     */
    static boolean resetWorks() {
        try {
            raiseHighWaterMark(64L << 20);
            ProcStatus before = ProcStatus.read(ProcStatus.SELF);
            if (before.peakResidentBytes() < before.residentBytes() + RESET_SLACK_BYTES) {
                return false; // the probe could not create a gap to close: cannot tell, so do not trust it
            }
            clear();
            ProcStatus after = ProcStatus.read(ProcStatus.SELF);
            return after.peakResidentBytes() <= after.residentBytes() + RESET_SLACK_BYTES;
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void reset() {
        try {
            clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the peak RSS through " + CLEAR_REFS, e);
        }
    }

    @Override
    public long peakBytes() {
        return status().peakResidentBytes();
    }

    @Override
    public long currentBytes() {
        return status().residentBytes();
    }

    @Override
    public String method() {
        return "VmHWM, reset before each run via /proc/self/clear_refs";
    }

    @Override
    public void close() {}

    private static ProcStatus status() {
        try {
            return ProcStatus.read(ProcStatus.SELF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear() throws IOException {
        Files.writeString(CLEAR_REFS, "5");
    }

    /**
     * Touches then frees a block of native memory. A block this large is mapped and unmapped as a whole by
     * the C allocator, so RSS drops right away and the mark stays above it.
     */
    private static void raiseHighWaterMark(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(bytes);
            for (long offset = 0; offset < bytes; offset += 4096) {
                block.set(ValueLayout.JAVA_BYTE, offset, (byte) 1);
            }
        }
    }
}
