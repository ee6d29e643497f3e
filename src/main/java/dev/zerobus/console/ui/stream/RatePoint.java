package dev.zerobus.console.ui.stream;

/** One chart point: the rates over one second, {@code seconds} after the ingestion began. */
public record RatePoint(double seconds, double recordsPerSecond, double bytesPerSecond) {
    public double megabytesPerSecond() {
        return bytesPerSecond / 1_000_000.0;
    }
}
