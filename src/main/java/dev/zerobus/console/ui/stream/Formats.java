package dev.zerobus.console.ui.stream;

import java.time.Duration;
import java.util.Locale;

/** How the pane writes numbers: grouped counts, rates with units, latencies in ms. */
final class Formats {
    private Formats() {}

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String offset(long offset) {
        return offset < 0 ? "—" : count(offset);
    }

    static String recordsRate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f rec/s", perSecond);
    }

    static String megabytesRate(double bytesPerSecond) {
        double mb = bytesPerSecond / 1_000_000.0;
        return String.format(Locale.ROOT, mb < 10 ? "%.2f MB/s" : "%.1f MB/s", mb);
    }

    static String millis(Duration d) {
        if (d.isZero()) return "—";
        double ms = d.toNanos() / 1e6;
        if (ms >= 1000) return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%,.0f ms", ms);
    }

    static String elapsed(Duration d) {
        if (d.compareTo(Duration.ofSeconds(10)) < 0) { // a short load reads "0.9 s", not "0:00"
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        long s = d.toSeconds();
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
