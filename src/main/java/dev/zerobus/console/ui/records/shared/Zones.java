package dev.zerobus.console.ui.records.shared;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.util.StringConverter;

/** The time zones offered for timestamps written without an offset: this computer's, UTC and common ones. */
public final class Zones {
    private Zones() {}

    public static List<ZoneId> common() {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(ZoneId.systemDefault());
        for (String id : List.of("UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
                "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney")) {
            zones.add(ZoneId.of(id));
        }
        return List.copyOf(zones);
    }

    public static StringConverter<ZoneId> converter() {
        return new StringConverter<>() {
            @Override public String toString(ZoneId zone) {
                return zone == null ? "" : zone.equals(ZoneId.systemDefault()) ? zone.getId() + " (local)" : zone.getId();
            }
            @Override public ZoneId fromString(String text) { return ZoneId.of(text.replace(" (local)", "")); }
        };
    }
}
