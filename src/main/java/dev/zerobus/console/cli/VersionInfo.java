package dev.zerobus.console.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Versions of the app and of what it is built on, from the build (version.properties). */
public final class VersionInfo implements CommandLine.IVersionProvider {
    private static final Properties VERSIONS = load();

    public static String app() { return VERSIONS.getProperty("app.version", "dev"); }
    public static String zerobusSdk() { return VERSIONS.getProperty("zerobus.sdk.version", "?"); }
    public static String databricksSdk() { return VERSIONS.getProperty("databricks.sdk.version", "?"); }
    public static String deltaKernel() { return VERSIONS.getProperty("delta.kernel.version", "?"); }
    public static String javafx() { return VERSIONS.getProperty("javafx.version", "?"); }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Zerobus Ingest Console " + app(),
            "  Zerobus Ingest SDK " + zerobusSdk() + ", databricks-sdk-java " + databricksSdk()
                    + ", Delta Kernel " + deltaKernel() + ", JavaFX " + javafx(),
            "  Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }

    private static Properties load() {
        var props = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/dev/zerobus/console/version.properties")) {
            if (in != null) props.load(in);
        } catch (IOException ignored) {
            // Versions are informational; a missing file shows "?".
        }
        return props;
    }
}
