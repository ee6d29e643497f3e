package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestEvent;
import dev.zerobus.console.ingest.IngestionSession;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** An event of one stream of an ingestion ({@code stream} counts from 1), as the event log lists it. */
public record EventRow(int stream, IngestEvent event) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** Every event the sessions still hold, by time: for the bundle, which must not wait for the next sample. */
    static List<EventRow> allOf(List<IngestionSession> sessions) {
        var rows = new ArrayList<EventRow>();
        for (int i = 0; i < sessions.size(); i++) {
            for (IngestEvent e : sessions.get(i).metrics().events()) rows.add(new EventRow(i + 1, e));
        }
        rows.sort(Comparator.comparing(r -> r.event().at()));
        return rows;
    }

    public String time() {
        return TIME.format(LocalTime.ofInstant(event.at(), ZoneId.systemDefault()));
    }

    public boolean isProblem() {
        // a planned rotation carries the service's words (6002) but is no problem
        return event.kind() == IngestEvent.Kind.ERROR || event.problem() != null && event.kind() != IngestEvent.Kind.ROTATED;
    }

    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) return true;
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return line().toLowerCase(Locale.ROOT).contains(f);
    }

    /** One line of the exported log; never carries record contents (events don't). */
    public String line() {
        var e = event.problem();
        String why = e == null ? "" : "  | cause: " + e.message() + "  | fix: " + e.fix();
        return event.at() + "  stream " + stream + "  " + event.kind() + "  " + event.message() + why;
    }
}
