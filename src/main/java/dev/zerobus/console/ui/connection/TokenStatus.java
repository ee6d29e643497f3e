package dev.zerobus.console.ui.connection;

import dev.zerobus.console.doctor.StepResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The status bar's token text from the check's token step: "OK, expires 14:05" or "rejected". */
final class TokenStatus {
    private static final String VALID_UNTIL = "valid until ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private TokenStatus() {}

    static String of(StepResult token) {
        return switch (token.status()) {
            case PASSED -> "OK" + expiry(token.detail());
            case FAILED -> "rejected";
            case PENDING, RUNNING, SKIPPED, CANCELLED -> "Not checked";
        };
    }

    private static String expiry(String detail) {
        int at = detail.indexOf(VALID_UNTIL);
        if (at < 0) return "";
        String raw = detail.substring(at + VALID_UNTIL.length()).strip();
        try {
            return ", expires " + TIME.format(Instant.parse(raw).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return ", expires " + TIME.format(LocalDateTime.parse(raw));
            } catch (DateTimeParseException unknown) {
                return ", expires " + raw;
            }
        }
    }
}
