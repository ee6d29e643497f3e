package dev.zerobus.console.workspace;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Zerobus Ingest's throughput quotas and how a measured rate compares with them. Documented defaults:
 * <ul>
 *   <li>the quotas page (https://docs.databricks.com/aws/en/ingestion/zerobus-quotas): 100,000 records/s per stream
 *       (benchmarked with 1 KB messages, adjustable), 100 MB/s per stream, 10 GB/s per target table;</li>
 *   <li>the older limits page (https://learn.microsoft.com/en-us/azure/databricks/ingestion/zerobus-limits): 15,000
 *       records/s per stream, 100 MB/s per stream, 10 GB/s per table.</li>
 * </ul>
 * The records quota is a per-profile setting (default 100,000: the quotas page) because Databricks raises it per
 * workspace on request. Neither page says what happens above the quota; the console only warns, and the sandbox's
 * "like the service" mode slows the stream down by flow control (no invented error). Stateless and thread-safe.
 */
public final class ZerobusQuotas {
    /** Records/s per stream on the quotas page; the default of a profile's quota. */
    public static final long RECORDS_PER_SECOND_PER_STREAM = 100_000;
    /** Records/s per stream on the older limits page, shown beside the quota. */
    public static final long OLDER_LIMITS_PAGE_RECORDS_PER_SECOND = 15_000;
    public static final long BYTES_PER_SECOND_PER_STREAM = 100_000_000;
    public static final long BYTES_PER_SECOND_PER_TABLE = 10_000_000_000L;
    /** "Near the quota" from this fraction of it up to 100 %; "over the quota" above 100 %. */
    public static final double NEAR_FRACTION = 0.8;

    private ZerobusQuotas() {}

    /** How a rate stands against its quota. */
    public enum Level { UNDER, NEAR, OVER }

    public static Level level(double rate, double quota) {
        if (quota <= 0 || rate < NEAR_FRACTION * quota) return Level.UNDER;
        return rate <= quota ? Level.NEAR : Level.OVER;
    }

    /**
     * The warning for a load over {@code streams} streams, worst first (records, then bytes); null when both rates
     * are under 80 % of their quota. Quotas are per stream, so N streams may go N times as fast.
     */
    public static @Nullable String warning(double recordsPerSecond, double bytesPerSecond, int streams, long recordsQuotaPerStream) {
        int n = Math.max(1, streams);
        double records = (double) recordsQuotaPerStream * n;
        double bytes = (double) BYTES_PER_SECOND_PER_STREAM * n;
        Level recordsLevel = level(recordsPerSecond, records);
        Level bytesLevel = level(bytesPerSecond, bytes);
        String per = n == 1 ? "per stream" : "per stream x " + n + " streams";
        if (recordsLevel == Level.OVER || recordsLevel == Level.NEAR && bytesLevel != Level.OVER) {
            String quota = count(recordsQuotaPerStream) + " records/s " + per;
            String share = percent(recordsPerSecond / records);
            return recordsLevel == Level.OVER
                    ? "Over the quota: " + count(Math.round(recordsPerSecond)) + " records/s is " + share + " of " + quota
                            + ". The service may slow the stream down; add streams, batch records, or ask Databricks to raise the quota."
                    : "Near the quota: " + share + " of " + quota + ". Add streams or batch records before you reach it.";
        }
        if (bytesLevel != Level.UNDER) {
            String quota = "100 MB/s " + per;
            String share = percent(bytesPerSecond / bytes);
            return bytesLevel == Level.OVER
                    ? "Over the quota: " + share + " of " + quota + ". The service may slow the stream down; add streams."
                    : "Near the quota: " + share + " of " + quota + ". Add streams before you reach it.";
        }
        return null;
    }

    /** A profile's records quota as typed: a whole number from 1 to 10^9, "100,000" or "100000"; null if not. */
    public static @Nullable Long parseRecordsQuota(String text) {
        String digits = text == null ? "" : text.strip().replace(",", "").replace("_", "").replace(" ", "");
        if (!digits.matches("\\d{1,10}")) return null;
        long value = Long.parseLong(digits);
        return value >= 1 && value <= 1_000_000_000L ? value : null;
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
