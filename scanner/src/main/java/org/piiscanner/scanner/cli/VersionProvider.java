package org.piiscanner.scanner.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the jar's Implementation-Version and the Java runtime. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        String v = PiiScannerCli.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "pii-scanner " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }
}
