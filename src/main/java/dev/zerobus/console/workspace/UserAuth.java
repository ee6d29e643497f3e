package dev.zerobus.console.workspace;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How "You" sign in: the person at the keyboard, for browsing Unity Catalog, set-up (tables, service principals,
 * grants) and read-back. Each type is one of databricks-sdk-java's own auth types, so the SDK's
 * {@code DatabricksConfig} does the credential work; the console only says which one to use.
 *
 * <ul>
 *   <li>{@link Type#PAT}: a personal access token ({@code token}), kept in the OS keychain or for the session only.</li>
 *   <li>{@link Type#EXTERNAL_BROWSER}: OAuth U2M in the browser (authorization code with PKCE).</li>
 *   <li>{@link Type#DATABRICKS_CLI}: the token cache of {@code databricks auth login}, through the CLI.</li>
 *   <li>{@link Type#AZURE_CLI}: {@code az login}'s account.</li>
 *   <li>{@link Type#CONFIG_PROFILE}: a {@code ~/.databrickscfg} section ({@code configProfile}, in {@code configFile}
 *       when not the default file) of any auth type; the
 *       SDK reads it (and the standard {@code DATABRICKS_*} variables) itself.</li>
 *   <li>{@link Type#ENVIRONMENT}: whatever the standard {@code DATABRICKS_*} variables say ({@code DATABRICKS_TOKEN},
 *       {@code DATABRICKS_AUTH_TYPE}, {@code DATABRICKS_CONFIG_PROFILE}, ...), resolved by the SDK.</li>
 *   <li>{@link Type#SERVICE_PRINCIPAL}: the profile's "Ingest as" service principal (OAuth M2M) is "You" as well.</li>
 * </ul>
 *
 * {@link #toString()} never shows the token.
 */
public record UserAuth(Type type, @Nullable Secret token, @Nullable String configProfile, @Nullable String configFile) {

    /** The auth types a desktop user has. {@link #sdkAuthType()} is the name databricks-sdk-java uses. */
    public enum Type {
        PAT("pat", "Personal access token"),
        EXTERNAL_BROWSER("external-browser", "OAuth in the browser (U2M)"),
        DATABRICKS_CLI("databricks-cli", "Databricks CLI login"),
        AZURE_CLI("azure-cli", "Azure CLI login"),
        CONFIG_PROFILE(null, "~/.databrickscfg profile"),
        ENVIRONMENT(null, "DATABRICKS_* environment variables"),
        SERVICE_PRINCIPAL("oauth-m2m", "The ingest service principal");

        private final @Nullable String sdkAuthType;
        private final String label;

        Type(@Nullable String sdkAuthType, String label) {
            this.sdkAuthType = sdkAuthType;
            this.label = label;
        }

        /** The SDK's {@code auth_type} to pin, or null to let the SDK pick from the profile / environment. */
        public @Nullable String sdkAuthType() { return sdkAuthType; }

        /** For menus and reports. */
        public String label() { return label; }

        /** Reads a saved name ({@code PAT}, {@code pat}, {@code external-browser}, ...). */
        public static Type parse(String text) {
            String t = text.strip();
            for (Type type : values()) {
                if (type.name().equalsIgnoreCase(t.replace('-', '_')) || t.equalsIgnoreCase(type.sdkAuthType)) return type;
            }
            throw new IllegalArgumentException("Unknown sign-in type '" + text + "'. Use one of: pat, external-browser, "
                    + "databricks-cli, azure-cli, config-profile, environment, service-principal.");
        }
    }

    public UserAuth {
        Objects.requireNonNull(type, "type");
        if (configProfile != null && configProfile.isBlank()) configProfile = null;
        if (configFile != null && configFile.isBlank()) configFile = null;
        if (type == Type.CONFIG_PROFILE && configProfile == null) {
            throw new IllegalArgumentException("A ~/.databrickscfg sign-in needs the profile (section) name.");
        }
    }

    public static UserAuth pat(@Nullable Secret token) { return new UserAuth(Type.PAT, token, null, null); }
    public static UserAuth externalBrowser() { return new UserAuth(Type.EXTERNAL_BROWSER, null, null, null); }
    public static UserAuth databricksCli() { return new UserAuth(Type.DATABRICKS_CLI, null, null, null); }
    public static UserAuth azureCli() { return new UserAuth(Type.AZURE_CLI, null, null, null); }
    public static UserAuth environment() { return new UserAuth(Type.ENVIRONMENT, null, null, null); }
    public static UserAuth servicePrincipal() { return new UserAuth(Type.SERVICE_PRINCIPAL, null, null, null); }

    /** A section of a Databricks config file; {@code file} null means the SDK's default ({@code DATABRICKS_CONFIG_FILE}, else ~/.databrickscfg). */
    public static UserAuth configProfile(String section, @Nullable String file) {
        return new UserAuth(Type.CONFIG_PROFILE, null, section, file);
    }

    public UserAuth withToken(@Nullable Secret value) { return new UserAuth(type, value, configProfile, configFile); }

    /** True when "You" are the ingest service principal itself. */
    public boolean isServicePrincipal() { return type == Type.SERVICE_PRINCIPAL; }

    public boolean hasToken() { return token != null && !token.isEmpty(); }

    /** E.g. "Personal access token", "~/.databrickscfg profile 'dev'". */
    public String describe() {
        return type == Type.CONFIG_PROFILE ? type.label() + " '" + configProfile + "'" : type.label();
    }

    @Override
    public String toString() {
        return "UserAuth[" + type.name().toLowerCase(Locale.ROOT) + (configProfile == null ? "" : " " + configProfile)
                + (type == Type.PAT ? ", token " + (hasToken() ? "set" : "not set") : "") + "]";
    }
}
