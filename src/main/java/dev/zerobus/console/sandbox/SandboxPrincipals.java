package dev.zerobus.console.sandbox;

/** The principals every sandbox has (their secrets are minted at each start). */
public final class SandboxPrincipals {
    /** Granted USE CATALOG, USE SCHEMA, SELECT and MODIFY on the seed tables, and may create tables. */
    public static final String GRANTED = "sandbox-sp";
    /** Granted USE CATALOG and USE SCHEMA only: for troubleshooting missing table grants. */
    public static final String NO_GRANTS = "no-grants-sp";
    /** The owner of the seed objects (a user, not a client). */
    public static final String ADMIN = "sandbox-admin@localhost";

    private SandboxPrincipals() {}
}
