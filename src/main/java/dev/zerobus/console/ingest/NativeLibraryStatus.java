package dev.zerobus.console.ingest;

import com.databricks.zerobus.ZerobusSdk;

/**
 * Whether the Zerobus SDK's native library loads on this machine, and if not, why in plain words (the SDK is JNI
 * over a Rust core and needs glibc 2.34+ on Linux, macOS 11+, or Windows x64).
 */
public record NativeLibraryStatus(boolean loaded, String detail) {
    private static volatile NativeLibraryStatus cached;

    public static NativeLibraryStatus check() {
        NativeLibraryStatus status = cached;
        if (status == null) {
            status = probe();
            cached = status;
        }
        return status;
    }

    private static NativeLibraryStatus probe() {
        try {
            // Creating (and closing) an SDK object loads the native library; no connection is made.
            try (var sdk = new ZerobusSdk("http://127.0.0.1:9", "http://127.0.0.1:9")) {
                return new NativeLibraryStatus(true, "Loaded (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
            }
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError: report, never crash the console
            String message = String.valueOf(e.getMessage());
            String why = message.contains("GLIBC")
                    ? "Not loaded: this Linux has a glibc older than 2.34, which the SDK's native library needs (" + message + ")."
                    : "Not loaded: " + e.getClass().getSimpleName() + ": " + message;
            return new NativeLibraryStatus(false, why);
        }
    }
}
