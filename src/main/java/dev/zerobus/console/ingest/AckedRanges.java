package dev.zerobus.console.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Source record indexes known to be durable, as merged half-open ranges. A load marks what the ACKs cover; a
 * resumed load skips exactly these, so it re-sends no ACKed row. Thread-safe (ACK callbacks add from native threads).
 */
public final class AckedRanges {
    private final TreeMap<Long, Long> ranges = new TreeMap<>(); // from -> to (exclusive)

    public synchronized void add(long from, long count) {
        if (count <= 0) return;
        long start = from;
        long end = from + count;
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next;
        while ((next = ranges.ceilingEntry(start)) != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
        }
        ranges.put(start, end);
    }

    public synchronized boolean contains(long index) {
        Map.Entry<Long, Long> e = ranges.floorEntry(index);
        return e != null && index < e.getValue();
    }

    public synchronized long count() {
        long total = 0;
        for (var e : ranges.entrySet()) total += e.getValue() - e.getKey();
        return total;
    }

    /** The first index not durable: everything below it landed. */
    public synchronized long watermark() {
        Map.Entry<Long, Long> first = ranges.firstEntry();
        return first == null || first.getKey() > 0 ? 0 : first.getValue();
    }

    /** [from, to) pairs, ascending. */
    public synchronized List<long[]> toList() {
        List<long[]> list = new ArrayList<>();
        ranges.forEach((from, to) -> list.add(new long[] {from, to}));
        return list;
    }

    public static AckedRanges of(List<long[]> pairs) {
        var ranges = new AckedRanges();
        pairs.forEach(p -> ranges.add(p[0], p[1] - p[0]));
        return ranges;
    }
}
