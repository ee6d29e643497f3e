package dev.zerobus.console.cli;

import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.UserAuth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which workspace a command talks to, shared by every command as a picocli mixin: {@code --profile P}, else the
 * environment's default profile, else a sandbox started in-process (so every command works on a fresh machine).
 */
public final class ConnectionOptions {
    static final String SANDBOX_PROFILE = "sandbox";

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Connection profile: a ~/.databrickscfg section, 'environment', or a profile saved in the console. "
                    + "Default: DATABRICKS_CONFIG_PROFILE, else the DATABRICKS_HOST environment, else the local sandbox.")
    @Nullable String profileName;

    @Option(names = "--sandbox", description = "Use the local sandbox even when a workspace is configured.")
    boolean forceSandbox;

    @Option(names = "--sandbox-data", paramLabel = "DIR",
            description = "Data directory of the local sandbox (implies --sandbox; default: the sandbox's per-user directory).")
    @Nullable Path sandboxData;

    @Option(names = "--verbose", description = "Show stack traces of failures.")
    boolean verbose;

    private final Supplier<ProfileStore> profiles;

    /** The user's profiles: real environment, ~/.databrickscfg and saved profiles. */
    public ConnectionOptions() {
        this(ProfileStore::system);
    }

    /** Tests pass a store over a temporary config dir and a made-up environment. */
    ConnectionOptions(Supplier<ProfileStore> profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    /** The profiles (and their keychain) commands read and save. */
    ProfileStore store() {
        return profiles.get();
    }

    boolean isVerbose() {
        return verbose;
    }

    /** Resolves the connection for a command that ingests (see {@link #open(PrintWriter, boolean)}). */
    Connection open(PrintWriter err) {
        return open(err, true);
    }

    /**
     * Resolves the connection and says on {@code err} which one is used (both identities); never prints a secret or
     * token. {@code needsIngest}: the command ingests, so the profile must have the service principal's secret.
     */
    Connection open(PrintWriter err, boolean needsIngest) {
        boolean sandbox = forceSandbox || sandboxData != null;
        if (sandbox && profileName != null) {
            throw CliProblem.usage("--profile and --sandbox/--sandbox-data both name a connection.", "Pass only one of them.");
        }
        ProfileStore store = profiles.get();
        store.databricksCfgProblem().ifPresent(p -> err.println("Warning: " + p.message() + " " + p.fix()));
        if (sandbox) {
            return startSandbox(err, store.defaultProfile().isEmpty() ? " (no workspace configured)"
                    : " (" + (forceSandbox ? "--sandbox" : "--sandbox-data") + ")");
        }
        Optional<ConnectionProfile> chosen = profileName != null ? store.find(profileName) : store.defaultProfile();
        if (chosen.isEmpty() && profileName != null) throw new CliProblem(store.unknownProfile(profileName, false), ExitCodes.USAGE);
        if (profileName == null) store.unknownConfigProfile().ifPresent(p -> {
            throw new CliProblem(p, ExitCodes.USAGE);
        });
        if (chosen.isEmpty()) return startSandbox(err, " (no workspace configured)");
        ConnectionProfile profile = chosen.get();
        if (needsIngest && !profile.hasIngestIdentity()) {
            throw CliProblem.usage("Profile '" + profile.name() + "' has no service principal to ingest as (client id and secret).",
                    "Add client_id and client_secret to its ~/.databrickscfg section, set DATABRICKS_CLIENT_ID and "
                            + "DATABRICKS_CLIENT_SECRET (for the environment profile), or create one as you with `zerobus-console setup`.");
        }
        profile.addressProblem().ifPresent(p -> {
            throw new CliProblem(p, ExitCodes.USAGE);
        });
        err.println("Using profile '" + profile.name() + "' (" + describe(profile.source()) + "): " + profile.workspaceUrl()
                + ", you: " + profile.you().describe()
                + (profile.clientId().isBlank() ? "" : ", ingest as " + profile.clientId()));
        return new Connection(profile, null);
    }

    private Connection startSandbox(PrintWriter err, String why) {
        Path dir = sandboxData != null ? sandboxData : SandboxOptions.defaultDataDir();
        err.println("Using the local sandbox" + why + ", data in " + dir.toAbsolutePath() + "…");
        err.flush();
        SandboxWorkspace workspace;
        try {
            workspace = SandboxWorkspace.start(SandboxOptions.defaults(dir));
        } catch (RuntimeException e) {
            throw new CliProblem(new Problem("Cannot start the local sandbox in " + dir.toAbsolutePath() + ": " + e.getMessage(),
                    "Pass --sandbox-data with a writable directory, or connect to a workspace with --profile or DATABRICKS_HOST.",
                    null, e), ExitCodes.USAGE);
        }
        var e = workspace.endpoints();
        // "You" = the sandbox's admin user with its personal access token; "Ingest as" = sandbox-sp.
        var profile = new ConnectionProfile(SANDBOX_PROFILE, ConnectionProfile.Source.SANDBOX, e.workspaceUrl(),
                e.zerobusEndpoint(), e.clientId(), Secret.of(e.clientSecret()), UserAuth.pat(Secret.of(e.userToken())));
        return new Connection(profile, workspace);
    }

    private static String describe(ConnectionProfile.Source source) {
        return switch (source) {
            case ENVIRONMENT -> "from the environment";
            case DATABRICKS_CFG -> "from ~/.databrickscfg";
            case SAVED -> "saved in the console";
            case SANDBOX -> "the local sandbox";
        };
    }
}
