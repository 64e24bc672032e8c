package dev.spillway.bench.throughput;

import java.nio.file.Path;

/**
 * The main class of the child JVM that measures throughput ({@link ThroughputProbe} starts it): the spill
 * path needs Arrow, which the harness never loads. Arguments: {@code <folder> <bytes> <drop page cache:
 * true|false> <result file>}.
 */
public final class ThroughputMain {
    private ThroughputMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ThroughputMain <folder> <bytes> <drop page cache: true|false> <result file>");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        boolean dropPageCache = Boolean.parseBoolean(args[2]);
        DiskBandwidth disk = DiskBandwidthMeter.measure(folder, bytes, dropPageCache);
        SpillThroughput spill = SpillThroughputMeter.measure(folder, bytes, dropPageCache);
        new StorageThroughput(folder, disk, spill).write(Path.of(args[3]));
    }
}
