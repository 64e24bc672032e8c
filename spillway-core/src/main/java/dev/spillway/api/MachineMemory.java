package dev.spillway.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Physical memory of the machine, or the cgroup's memory limit when that is lower (containers). */
public final class MachineMemory {
    private MachineMemory() {}

    public static long physicalBytes() {
        long physical = Long.MAX_VALUE;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        long cgroup = cgroupLimit();
        return Math.min(physical, cgroup);
    }

    private static long cgroupLimit() {
        for (String file : new String[] {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
            try {
                String text = Files.readString(Path.of(file)).trim();
                if (!text.equals("max")) {
                    long value = Long.parseLong(text);
                    if (value > 0 && value < (1L << 60)) {
                        return value;
                    }
                }
            } catch (IOException | NumberFormatException | SecurityException e) {
                // No cgroup limit visible: fall back to physical memory.
            }
        }
        return Long.MAX_VALUE;
    }
}
