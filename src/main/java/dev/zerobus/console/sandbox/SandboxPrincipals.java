package dev.zerobus.console.sandbox;

/** The principals every sandbox has (their secrets and personal access tokens are minted at each start). */
public final class SandboxPrincipals {
    /** Granted USE CATALOG, USE SCHEMA, SELECT and MODIFY on the seed tables, and may create tables. */
    public static final String GRANTED = "sandbox-sp";
    /** Granted USE CATALOG and USE SCHEMA only: for troubleshooting missing table grants. */
    public static final String NO_GRANTS = "no-grants-sp";
    /**
     * A user: owner of the seed objects, workspace admin and metastore admin. Signs in with a personal access token
     * ({@link SandboxEndpoints#userToken()}) or OAuth U2M; the sandbox's admin endpoints need this user.
     */
    public static final String ADMIN = "sandbox-admin@localhost";
    /**
     * An ordinary user: USE CATALOG on {@code main}, USE SCHEMA and SELECT on {@code main.default}, nothing else (no
     * CREATE TABLE, no MANAGE, not an admin). Signs in with {@link SandboxEndpoints#analystToken()}.
     */
    public static final String ANALYST = "analyst@localhost";

    private SandboxPrincipals() {}
}
