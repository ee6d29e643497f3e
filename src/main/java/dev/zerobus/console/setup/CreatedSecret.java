package dev.zerobus.console.setup;

import dev.zerobus.console.workspace.Secret;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth secret just created for a service principal. Databricks shows the secret once; the caller keeps it in the
 * keychain or for the session only ({@link Secret} is masked everywhere else). {@link #toString()} never shows it.
 */
public record CreatedSecret(ServicePrincipal principal, String secretId, Secret secret, @Nullable Instant expireTime) {
    public CreatedSecret {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(secret, "secret");
    }
}
