package dev.spillway.cli;

/** The version of Spillway, from the jar's manifest (absent when running from class folders, e.g. in tests). */
final class Versions {
    private Versions() {}

    static String spillway() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
