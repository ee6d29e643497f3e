package dev.zerobus.console.workspace;

import java.util.Objects;

/**
 * A connection refused before anything is sent: an address is not a host name, or it would carry the client secret or
 * tokens over plain HTTP to a host that is not loopback. Raised by {@link ConnectionProfile#requireUsableAddresses()}, the one place that decides.
 */
public final class InsecureConnectionException extends RuntimeException {
    private final transient Problem problem;

    public InsecureConnectionException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").message());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
