package dev.spillway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * Facts Maven wrote into {@code bench-build.properties} at build time: the project version and the JVM
 * flags Arrow needs. Reading them from the build, rather than repeating them here, keeps the child JVMs'
 * flags the same as the tests' (both come from {@code spillway.jvm.flags} in the root pom).
 */
public final class BuildInfo {
    private static final String RESOURCE = "bench-build.properties";

    private final Properties properties;

    private BuildInfo(Properties properties) {
        this.properties = properties;
    }

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; build spillway-bench with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties);
    }

    public String spillwayVersion() {
        return require("spillway.version");
    }

    public List<String> jvmFlags() {
        return List.of(require("jvm.flags").trim().split("\\s+"));
    }

    private String require(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.contains("${")) {
            throw new IllegalStateException(RESOURCE + " has no value for " + key + " (was it filtered by Maven?)");
        }
        return value;
    }
}
