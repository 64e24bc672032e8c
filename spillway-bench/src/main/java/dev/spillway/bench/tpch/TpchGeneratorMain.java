package dev.spillway.bench.tpch;

import dev.spillway.io.tpch.TpchData;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The main class of the child JVM that writes TPC-H Parquet files: {@code <directory> <scale factor>}. */
public final class TpchGeneratorMain {
    private TpchGeneratorMain() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TpchGeneratorMain <directory> <scale factor>");
            System.exit(2);
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            TpchData.generateParquet(Path.of(args[0]), Double.parseDouble(args[1]), allocator);
        }
    }
}
