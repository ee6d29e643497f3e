package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.ingest.RecordSender;
import java.time.LocalTime;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One record the composer sent, for the history table. The sender and the ACK callback only write the volatile
 * fields; {@link #refresh()} copies them into the properties on the FX thread (through
 * {@link ComposerModel#refreshSent()}, on the view's ~100 ms timer, never once per ACK).
 */
public final class SentRecord implements RecordSender.Outcome {
    enum Status { SENDING, SENT, ACKED, FAILED, EARLIER }

    private final long index;
    private final String json;
    private final String sentAt = LocalTime.now().withNano(0).toString();
    private final ReadOnlyStringWrapper offsetText = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper();
    private volatile long offset = -1;
    private volatile Status status;
    private volatile String failure = "";

    SentRecord(long index, String json, Status status) {
        this.index = index;
        this.json = json;
        this.status = status;
        refresh();
    }

    public long index() { return index; }
    public String json() { return json; }
    public String sentAt() { return status == Status.EARLIER ? "earlier" : sentAt; }
    public ReadOnlyStringProperty offsetTextProperty() { return offsetText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }
    Status status() { return status; }
    long offset() { return offset; }

    @Override
    public void sent(long offset) {
        this.offset = offset;
        if (status == Status.SENDING) status = Status.SENT;
    }

    @Override
    public void acked() { status = Status.ACKED; }

    @Override
    public void failed(String why) {
        failure = why;
        status = Status.FAILED;
    }

    /** FX thread: publishes what the sender and the ACK callback recorded. Returns whether it is still pending. */
    boolean refresh() {
        if (offset >= 0) offsetText.set(Long.toString(offset));
        statusText.set(switch (status) {
            case SENDING -> "Sending…";
            case SENT -> "Sent, waiting for ACK";
            case ACKED -> "ACKed (durable)";
            case FAILED -> "Failed: " + failure;
            case EARLIER -> "From an earlier session";
        });
        return status == Status.SENDING || status == Status.SENT;
    }
}
