package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.SdkErrors;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Service principals as "You" manage them: list and find (SCIM {@code ServicePrincipalsAPI}), create (workspace
 * admins only on Databricks), create and delete OAuth secrets ({@code ServicePrincipalSecretsProxyAPI}), delete (for
 * rollback). Each method has its equivalent Databricks CLI command ({@link #createCommand} ...). Every call blocks on
 * HTTP. Thread-safe (stateless over the thread-safe client).
 */
public final class PrincipalService {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Stricter than the docs (which give no limit): what fits SCIM displayName columns everywhere we know. */
    static final int MAX_NAME_LENGTH = 255;

    private final WorkspaceClient client;

    public PrincipalService(WorkspaceClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public List<ServicePrincipal> list() {
        List<ServicePrincipal> result = new ArrayList<>();
        try {
            for (var sp : client.servicePrincipals().list(new ListServicePrincipalsRequest())) result.add(of(sp));
        } catch (RuntimeException e) {
            throw failure(e, "list the service principals");
        }
        return List.copyOf(result);
    }

    /**
     * The principal whose application id, SCIM id or display name is {@code nameOrApplicationId}; empty when none.
     * Display names are not unique on Databricks: two with the name is a {@link SetupException} asking for the
     * application id.
     */
    public Optional<ServicePrincipal> find(String nameOrApplicationId) {
        String key = nameOrApplicationId.strip();
        List<ServicePrincipal> all = list();
        Optional<ServicePrincipal> byId = all.stream()
                .filter(p -> p.applicationId().equalsIgnoreCase(key) || p.id().equals(key)).findFirst();
        if (byId.isPresent()) return byId;
        List<ServicePrincipal> named = all.stream().filter(p -> p.displayName().equals(key)).toList();
        if (named.size() > 1) {
            throw new SetupException(new Problem(named.size() + " service principals are named '" + key + "': "
                    + String.join(", ", named.stream().map(ServicePrincipal::applicationId).toList()) + ".",
                    "Name the one you mean by its application id."));
        }
        return named.stream().findFirst();
    }

    /** Whether {@code text} looks like an application id (a UUID), i.e. names a principal rather than a new name. */
    public static boolean isApplicationId(String text) {
        return UUID.matcher(text.strip()).matches();
    }

    /**
     * Why {@code name} cannot be a new service principal's display name, or empty when it can. Databricks allows
     * spaces inside display names (its CLI reference creates "My Service Principal":
     * https://docs.databricks.com/aws/en/dev-tools/cli/reference/service-principals-commands); the docs are silent
     * on the rest, so the console is stricter: not blank, no leading or trailing spaces, no control characters, at
     * most 255 characters, and not a UUID (which would read as an application id).
     */
    public static Optional<Problem> validateName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(new Problem("The service principal needs a name.", "Enter a display name, e.g. orders-ingest."));
        }
        if (!name.equals(name.strip())) {
            return Optional.of(new Problem("The service principal name '" + name + "' starts or ends with a space.",
                    "Remove the spaces at the start and end: '" + name.strip() + "'."));
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new Problem("The service principal name has a control character (tab, line break, ...).",
                    "Use letters, digits, spaces, '-', '_' and '.'."));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(new Problem("The service principal name is " + name.length() + " characters long.",
                    "Use at most " + MAX_NAME_LENGTH + " characters."));
        }
        if (isApplicationId(name)) {
            return Optional.of(new Problem("'" + name + "' looks like an application id, not a name.",
                    "To use an existing principal, pick it by its application id; to create one, give it a name such as orders-ingest."));
        }
        return Optional.empty();
    }

    /**
     * Creates a service principal named {@code displayName}. A name already used by another principal is refused
     * (Databricks would allow the duplicate, but it makes every later pick by name ambiguous).
     */
    public ServicePrincipal create(String displayName) {
        validateName(displayName).ifPresent(p -> { throw new SetupException(p); });
        Optional<ServicePrincipal> taken = list().stream().filter(p -> p.displayName().equals(displayName)).findFirst();
        if (taken.isPresent()) {
            throw new SetupException(new Problem("A service principal named '" + displayName + "' exists already (application id "
                    + taken.get().applicationId() + ").", "Use it (pick it, or pass its application id), or choose another name."));
        }
        try {
            var created = client.servicePrincipals().create(new com.databricks.sdk.service.iam.ServicePrincipal()
                    .setDisplayName(displayName).setActive(true));
            return of(created);
        } catch (RuntimeException e) {
            CatalogException c = SdkErrors.translate(e, "create service principal '" + displayName + "'");
            if (isPermissionDenied(e)) {
                throw new SetupException(new Problem("You may not create service principals in this workspace: "
                        + c.problem().message(), "Only workspace admins can. Ask one to run the command below and give you "
                        + "the application id, then pick that principal.", createCommand(displayName), e));
            }
            throw new SetupException(c.problem());
        }
    }

    /** Creates an OAuth secret (shown once). */
    public CreatedSecret createSecret(ServicePrincipal principal) {
        try {
            CreateServicePrincipalSecretResponse r = client.servicePrincipalSecretsProxy()
                    .create(new CreateServicePrincipalSecretRequest().setServicePrincipalId(principal.id()));
            if (r.getSecret() == null || r.getId() == null) {
                throw new SetupException(new Problem("The workspace created no secret for " + principal.label() + ".",
                        "Create one in the workspace (Settings > Identity and access > Service principals > Secrets)."));
            }
            return new CreatedSecret(principal, r.getId(), Secret.of(r.getSecret()), instant(r.getExpireTime()));
        } catch (SetupException e) {
            throw e;
        } catch (RuntimeException e) {
            CatalogException c = SdkErrors.translate(e, "create an OAuth secret for " + principal.label());
            if (isPermissionDenied(e)) {
                throw new SetupException(new Problem("You may not create secrets for " + principal.label() + ": " + c.problem().message(),
                        "A workspace admin, or a user with the Service Principal Manager role on it, can run the command below.",
                        secretCommand(principal), e));
            }
            throw new SetupException(c.problem());
        }
    }

    public void deleteSecret(ServicePrincipal principal, String secretId) {
        try {
            client.servicePrincipalSecretsProxy().delete(principal.id(), secretId);
        } catch (RuntimeException e) {
            throw new SetupException(SdkErrors.translate(e, "delete secret " + secretId + " of " + principal.label()).problem());
        }
    }

    public void delete(ServicePrincipal principal) {
        try {
            client.servicePrincipals().delete(principal.id());
        } catch (RuntimeException e) {
            throw new SetupException(SdkErrors.translate(e, "delete service principal " + principal.label()).problem());
        }
    }

    public static String createCommand(String displayName) {
        return "databricks service-principals create --display-name " + shellQuote(displayName);
    }

    public static String secretCommand(ServicePrincipal principal) {
        return "databricks service-principal-secrets-proxy create " + principal.id();
    }

    public static String deleteCommand(ServicePrincipal principal) {
        return "databricks service-principals delete " + principal.id();
    }

    public static String deleteSecretCommand(ServicePrincipal principal, String secretId) {
        return "databricks service-principal-secrets-proxy delete " + principal.id() + " " + secretId;
    }

    static String shellQuote(String text) {
        return text.matches("[A-Za-z0-9_.@/-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private static boolean isPermissionDenied(RuntimeException e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof com.databricks.sdk.core.DatabricksError d && d.getStatusCode() == 403) return true;
        }
        return false;
    }

    private static SetupException failure(RuntimeException e, String action) {
        return new SetupException(SdkErrors.translate(e, action).problem());
    }

    private static ServicePrincipal of(com.databricks.sdk.service.iam.ServicePrincipal sp) {
        return new ServicePrincipal(sp.getId() == null ? "" : sp.getId(), sp.getApplicationId() == null ? "" : sp.getApplicationId(),
                sp.getDisplayName(), sp.getActive() == null || sp.getActive());
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
