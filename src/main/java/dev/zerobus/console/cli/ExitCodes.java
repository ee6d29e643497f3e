package dev.zerobus.console.cli;

/** The exit codes of every command: documented in each command's footer. */
final class ExitCodes {
    static final int OK = 0;
    /** The work ran and did not succeed: a check step failed, a statement failed, rows failed. */
    static final int FAILED = 1;
    /** A usage or configuration problem: unknown profile, missing secret, a table the mapping cannot carry. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
