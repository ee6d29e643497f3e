package dev.zerobus.console.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The connection profiles the console knows: the environment ({@code DATABRICKS_HOST}, {@code DATABRICKS_CLIENT_ID},
 * {@code DATABRICKS_CLIENT_SECRET}, {@code ZEROBUS_ENDPOINT}; "You" = whatever the standard {@code DATABRICKS_*}
 * variables resolve to in databricks-sdk-java), every profile of {@code ~/.databrickscfg} (host, client_id,
 * client_secret and our {@code zerobus_endpoint} key for "Ingest as"; "You" = the section itself, of any auth type,
 * read by the SDK; our {@code zerobus_records_per_second_quota} key), and the console's own saved profiles ({@code profiles.json} in the config folder, never with a
 * secret or token: those go to the OS keychain or nowhere).
 * The sandbox profile is added by whoever runs the sandbox. Thread-safe.
 */
public final class ProfileStore {
    public static final String ENVIRONMENT_PROFILE = "environment";
    private static final String SANDBOX_KEY_PREFIX = "(sandbox) ";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path savedFile;
    private final Path databricksCfg;
    private final Map<String, String> env;
    private final SecretStore secrets;

    public ProfileStore(Path configDir, Path databricksCfg, Map<String, String> env, SecretStore secrets) {
        this.savedFile = configDir.resolve("profiles.json");
        this.databricksCfg = databricksCfg;
        this.env = Map.copyOf(env);
        this.secrets = secrets;
    }

    /** The store for this user: real config folder, real ~/.databrickscfg, real environment, OS keychain. */
    public static ProfileStore system() {
        Map<String, String> env = System.getenv();
        return new ProfileStore(AppDirs.config(), AppDirs.databricksConfigFile(env), env, SecretStore.system());
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** Environment first, then ~/.databrickscfg profiles, then saved ones. */
    public synchronized List<ConnectionProfile> all() {
        List<ConnectionProfile> result = new ArrayList<>();
        environmentProfile().ifPresent(result::add);
        result.addAll(databricksCfgProfiles());
        result.addAll(savedProfiles());
        return result;
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The profile to use when none is named: {@code DATABRICKS_CONFIG_PROFILE}, else the environment when
     * {@code DATABRICKS_HOST} is set, else empty (the caller falls back to the sandbox).
     */
    public synchronized Optional<ConnectionProfile> defaultProfile() {
        String named = env.get("DATABRICKS_CONFIG_PROFILE");
        if (named != null && !named.isBlank()) return find(named);
        return environmentProfile();
    }

    /**
     * The profile the environment names with {@code DATABRICKS_CONFIG_PROFILE}, if any: a name that {@link #find} does
     * not know must be refused like an unknown {@code --profile}, never replaced by the sandbox.
     */
    public Optional<String> configProfileName() {
        String named = env.get("DATABRICKS_CONFIG_PROFILE");
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(named.strip());
    }

    public Optional<ConnectionProfile> environmentProfile() {
        String host = env.get("DATABRICKS_HOST");
        if (host == null || host.isBlank()) return Optional.empty();
        String secret = env.get("DATABRICKS_CLIENT_SECRET");
        return Optional.of(new ConnectionProfile(ENVIRONMENT_PROFILE, Source.ENVIRONMENT, normaliseHost(host),
                env.getOrDefault("ZEROBUS_ENDPOINT", ""), env.getOrDefault("DATABRICKS_CLIENT_ID", ""),
                secret == null ? null : Secret.of(secret), youFromEnvironment()));
    }

    /**
     * "You" as the standard variables name it: {@code DATABRICKS_TOKEN} is a PAT, {@code DATABRICKS_AUTH_TYPE} pins a
     * desktop auth type, a client id and secret alone make the SP "You" as well; anything else is left to the SDK's
     * own default chain ({@link UserAuth#environment()}: databricks-cli, azure-cli, ... as it tries them).
     */
    private UserAuth youFromEnvironment() {
        String token = env.get("DATABRICKS_TOKEN");
        String authType = env.getOrDefault("DATABRICKS_AUTH_TYPE", "").strip();
        if (!authType.isEmpty()) {
            try {
                UserAuth.Type type = UserAuth.Type.parse(authType);
                if (type == UserAuth.Type.PAT) return UserAuth.pat(token == null ? null : Secret.of(token));
                if (type != UserAuth.Type.CONFIG_PROFILE) return new UserAuth(type, null, null, null);
            } catch (IllegalArgumentException e) {
                return UserAuth.environment(); // an auth type the console does not name: the SDK knows it
            }
        }
        if (token != null && !token.isBlank()) return UserAuth.pat(Secret.of(token));
        boolean sp = !env.getOrDefault("DATABRICKS_CLIENT_ID", "").isBlank() && !env.getOrDefault("DATABRICKS_CLIENT_SECRET", "").isBlank();
        return sp ? UserAuth.servicePrincipal() : UserAuth.environment();
    }

    /** Profiles of ~/.databrickscfg that have a host; a file that cannot be read gives none (see {@link #databricksCfgProblem()}). */
    public List<ConnectionProfile> databricksCfgProfiles() {
        if (!Files.isRegularFile(databricksCfg)) return List.of();
        try {
            INIConfiguration ini = readIni();
            List<ConnectionProfile> profiles = new ArrayList<>();
            for (String section : ini.getSections()) {
                if (section == null) continue;
                SubnodeConfiguration s = ini.getSection(section);
                String host = s.getString("host", "");
                if (host.isBlank()) continue;
                String secret = s.getString("client_secret", null);
                Long quota = ZerobusQuotas.parseRecordsQuota(s.getString("zerobus_records_per_second_quota", ""));
                profiles.add(new ConnectionProfile(section, Source.DATABRICKS_CFG, normaliseHost(host),
                        s.getString("zerobus_endpoint", ""), s.getString("client_id", ""), secret == null ? null : Secret.of(secret),
                        UserAuth.configProfile(section, databricksCfg.toString()),
                        quota == null ? ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM : quota));
            }
            return profiles;
        } catch (IOException | ConfigurationException e) {
            return List.of();
        }
    }

    /** Why ~/.databrickscfg could not be read, if it exists and could not. */
    public Optional<Problem> databricksCfgProblem() {
        if (!Files.isRegularFile(databricksCfg)) return Optional.empty();
        try {
            readIni();
            return Optional.empty();
        } catch (IOException | ConfigurationException e) {
            return Optional.of(new Problem("Cannot read " + databricksCfg + ": " + e.getMessage(),
                    "Fix the file's INI syntax ([profile] sections with key = value lines)."));
        }
    }

    private INIConfiguration readIni() throws IOException, ConfigurationException {
        var ini = INIConfiguration.builder().build();
        try (Reader reader = Files.newBufferedReader(databricksCfg, StandardCharsets.UTF_8)) {
            ini.read(reader);
        }
        return ini;
    }

    /** A saved profile: no secret, no token. {@code youType} null (files written before "You" existed) means the SP. */
    private record SavedProfile(String name, String workspaceUrl, String zerobusEndpoint, String clientId,
                                @Nullable String youType, @Nullable String youConfigProfile, @Nullable Long recordsPerSecondQuota) {
        /** {@code recordsPerSecondQuota} is null in files written before the setting existed: the default applies. */
        long quota() {
            return recordsPerSecondQuota == null ? ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM : recordsPerSecondQuota;
        }
    }

    /** The keychain entry of "You"'s personal access token; the ingest secret is under the bare profile name. */
    static String tokenKey(String profileName) {
        return profileName + " (you)";
    }

    public synchronized List<ConnectionProfile> savedProfiles() {
        return readSaved().values().stream().map(this::toProfile).toList();
    }

    private ConnectionProfile toProfile(SavedProfile p) {
        UserAuth you;
        if (p.youType() == null) {
            you = UserAuth.servicePrincipal();
        } else {
            UserAuth.Type type = UserAuth.Type.parse(p.youType());
            you = switch (type) {
                case PAT -> UserAuth.pat(secrets.load(tokenKey(p.name())).orElse(null));
                case CONFIG_PROFILE -> UserAuth.configProfile(p.youConfigProfile() == null ? p.name() : p.youConfigProfile(),
                        databricksCfg.toString());
                default -> new UserAuth(type, null, null, null);
            };
        }
        return new ConnectionProfile(p.name(), Source.SAVED, p.workspaceUrl(), p.zerobusEndpoint(), p.clientId(),
                secrets.load(p.name()).orElse(null), you, p.quota());
    }

    /**
     * Saves (or replaces) a profile of the console's own. The secret goes to the OS keychain when
     * {@code rememberSecret} is set and a keychain exists, and so does "You"'s personal access token (its own entry);
     * neither ever goes to the profiles file. Returns whether every secret the profile holds was remembered.
     */
    public synchronized boolean save(ConnectionProfile profile, boolean rememberSecret) {
        if (profile.name().isBlank()) throw new IllegalArgumentException("A profile needs a name.");
        if (profile.name().equals(ENVIRONMENT_PROFILE)) {
            throw new IllegalArgumentException("'" + ENVIRONMENT_PROFILE + "' is the name of the environment's profile; choose another.");
        }
        if (isReservedName(profile.name())) {
            throw new IllegalArgumentException("Names starting with '" + SANDBOX_KEY_PREFIX + "' are kept for the sandbox's tokens; choose another.");
        }
        Map<String, SavedProfile> saved = readSaved();
        UserAuth you = profile.you();
        saved.put(profile.name(), new SavedProfile(profile.name(), profile.workspaceUrl(), profile.zerobusEndpoint(), profile.clientId(),
                you.type().name(), you.configProfile(), profile.recordsPerSecondQuota()));
        writeSaved(saved);
        boolean remembered = false;
        if (rememberSecret && profile.hasSecret()) {
            remembered = secrets.save(profile.name(), profile.clientSecret());
        } else {
            secrets.delete(profile.name());
        }
        if (rememberSecret && you.type() == UserAuth.Type.PAT && you.hasToken()) {
            boolean token = secrets.save(tokenKey(profile.name()), you.token());
            remembered = token && (remembered || !profile.hasSecret());
        } else {
            secrets.delete(tokenKey(profile.name()));
        }
        return remembered;
    }

    /** {@link #followSandbox(String, String, Map, Map)} for the secrets alone: "You"'s tokens are left as they are. */
    public synchronized List<String> followSandbox(String workspaceUrl, String zerobusEndpoint, Map<String, Secret> secretsByClientId) {
        return followSandbox(workspaceUrl, zerobusEndpoint, secretsByClientId, Map.of());
    }

    /**
     * Points saved copies of the local sandbox's profiles at the sandbox that just started: a saved profile whose
     * workspace and Zerobus endpoint are both on this machine (127.0.0.1 or localhost) and whose client id is one of
     * {@code secretsByClientId}'s gets these URLs and, if its secret was remembered, the new secret (the sandbox mints
     * secrets at every start). Its "You" follows too when it signs in with a remembered personal access token that
     * was a sandbox user's at the last start: the sandbox mints its users' tokens at every start as well
     * ({@code tokensByUser}: user name to its new token). Which user a token was is known only by comparing it with
     * the tokens of the last start, which are kept in the keychain for that (never in a file); without a keychain
     * nothing is remembered and nothing follows. Other profiles are left alone. Returns the names of the profiles
     * updated.
     */
    public synchronized List<String> followSandbox(String workspaceUrl, String zerobusEndpoint, Map<String, Secret> secretsByClientId,
                                                   Map<String, Secret> tokensByUser) {
        Map<Secret, Secret> newTokenByOld = new HashMap<>();
        tokensByUser.forEach((user, token) -> secrets.load(sandboxTokenKey(user)).ifPresent(old -> newTokenByOld.put(old, token)));
        Map<String, SavedProfile> saved = readSaved();
        List<String> updated = new ArrayList<>();
        for (SavedProfile p : List.copyOf(saved.values())) {
            if (!isLoopback(p.workspaceUrl()) || !isLoopback(p.zerobusEndpoint())) continue;
            Secret secret = secretsByClientId.get(p.clientId());
            Secret current = UserAuth.Type.PAT.name().equals(p.youType()) ? secrets.load(tokenKey(p.name())).orElse(null) : null;
            Secret token = current == null || current.equals(newTokenByOld.get(current)) ? null : newTokenByOld.get(current);
            if (secret == null && token == null) continue;
            Optional<Secret> rememberedSecret = secret == null ? Optional.empty() : secrets.load(p.name());
            boolean moved = !p.workspaceUrl().equals(workspaceUrl) || !p.zerobusEndpoint().equals(zerobusEndpoint);
            boolean newSecret = rememberedSecret.isPresent() && !rememberedSecret.get().equals(secret);
            if (!moved && !newSecret && token == null) continue;
            saved.put(p.name(), new SavedProfile(p.name(), workspaceUrl, zerobusEndpoint, p.clientId(), p.youType(), p.youConfigProfile(),
                    p.recordsPerSecondQuota()));
            if (newSecret) secrets.save(p.name(), secret);
            if (token != null) secrets.save(tokenKey(p.name()), token);
            updated.add(p.name());
        }
        if (!updated.isEmpty()) writeSaved(saved);
        tokensByUser.forEach((user, token) -> secrets.save(sandboxTokenKey(user), token));
        return updated;
    }

    /** The keychain entry that keeps a sandbox user's token of the last start (see {@link #followSandbox}). */
    static String sandboxTokenKey(String user) {
        return SANDBOX_KEY_PREFIX + user + " (you)";
    }

    /** True for names a saved profile may not have: their keychain entries would be the sandbox's tokens'. */
    public static boolean isReservedName(String name) {
        return name.startsWith(SANDBOX_KEY_PREFIX);
    }

    private static boolean isLoopback(String url) {
        String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
        return rest.startsWith("127.0.0.1:") || rest.startsWith("localhost:");
    }

    /** Renames a saved profile, moving its keychain entry along. */
    public synchronized void rename(String from, String to) {
        Map<String, SavedProfile> saved = readSaved();
        SavedProfile p = saved.remove(from);
        if (p == null) throw new IllegalArgumentException("No saved profile named '" + from + "'.");
        if (saved.containsKey(to)) throw new IllegalArgumentException("A saved profile named '" + to + "' exists already.");
        saved.put(to, new SavedProfile(to, p.workspaceUrl(), p.zerobusEndpoint(), p.clientId(), p.youType(), p.youConfigProfile(), p.recordsPerSecondQuota()));
        writeSaved(saved);
        secrets.load(from).ifPresent(secret -> {
            secrets.save(to, secret);
            secrets.delete(from);
        });
        secrets.load(tokenKey(from)).ifPresent(token -> {
            secrets.save(tokenKey(to), token);
            secrets.delete(tokenKey(from));
        });
    }

    public synchronized void delete(String name) {
        Map<String, SavedProfile> saved = readSaved();
        if (saved.remove(name) != null) writeSaved(saved);
        secrets.delete(name);
        secrets.delete(tokenKey(name));
    }

    private Map<String, SavedProfile> readSaved() {
        Map<String, SavedProfile> result = new LinkedHashMap<>();
        if (!Files.isRegularFile(savedFile)) return result;
        try {
            for (SavedProfile p : JSON.readValue(savedFile.toFile(), SavedProfile[].class)) result.put(p.name(), p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the saved profiles in " + savedFile + ": " + e.getMessage()
                    + ". Move the file away to start over.", e);
        }
        return result;
    }

    private void writeSaved(Map<String, SavedProfile> saved) {
        try {
            Files.createDirectories(savedFile.getParent());
            Path temp = savedFile.resolveSibling("profiles.json.tmp");
            JSON.writeValue(temp.toFile(), saved.values());
            Files.move(temp, savedFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save profiles to " + savedFile + ": " + e.getMessage(), e);
        }
    }

    /** "adb-1.2.azuredatabricks.net" -> "https://adb-1.2.azuredatabricks.net", trailing slash dropped. */
    static String normaliseHost(@Nullable String host) {
        if (host == null) return "";
        String h = host.strip();
        if (!h.isEmpty() && !h.contains("://")) h = "https://" + h;
        return h.endsWith("/") ? h.substring(0, h.length() - 1) : h;
    }
}
