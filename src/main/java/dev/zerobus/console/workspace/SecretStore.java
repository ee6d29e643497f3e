package dev.zerobus.console.workspace;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through
 * java-keyring. Where no keychain is available secrets are not saved at all — never to a plain file — and the
 * console asks for them or takes them from the environment / {@code ~/.databrickscfg}. Thread-safe.
 */
public interface SecretStore {
    /** True when secrets can be saved. */
    boolean isAvailable();

    /** Why secrets cannot be saved (for the UI), or empty when they can. */
    Optional<String> unavailableReason();

    Optional<Secret> load(String profileName);

    /** Saves the secret; returns false (and saves nothing) when no keychain is available. */
    boolean save(String profileName, Secret secret);

    void delete(String profileName);

    /** The OS keychain if there is one, else a store that keeps nothing. */
    static SecretStore system() {
        try {
            return new KeychainStore(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return new NoKeychain("No OS keychain is available (" + e.getClass().getSimpleName()
                    + "): secrets are not saved. Set DATABRICKS_CLIENT_SECRET or enter the secret when asked.");
        }
    }

    /** A store that saves nothing. */
    record NoKeychain(String reason) implements SecretStore {
        @Override public boolean isAvailable() { return false; }
        @Override public Optional<String> unavailableReason() { return Optional.of(reason); }
        @Override public Optional<Secret> load(String profileName) { return Optional.empty(); }
        @Override public boolean save(String profileName, Secret secret) { return false; }
        @Override public void delete(String profileName) {}
    }

    /** The keychain through java-keyring; service name "Zerobus Ingest Console", account = profile name. */
    final class KeychainStore implements SecretStore {
        private static final Logger LOG = LoggerFactory.getLogger(KeychainStore.class);
        private static final String SERVICE = "Zerobus Ingest Console";
        private final Keyring keyring;

        KeychainStore(Keyring keyring) {
            this.keyring = keyring;
        }

        @Override public boolean isAvailable() { return true; }
        @Override public Optional<String> unavailableReason() { return Optional.empty(); }

        @Override
        public synchronized Optional<Secret> load(String profileName) {
            try {
                String value = keyring.getPassword(SERVICE, profileName);
                return value == null ? Optional.empty() : Optional.of(Secret.of(value));
            } catch (PasswordAccessException | RuntimeException e) {
                LOG.debug("No keychain entry for profile {}: {}", profileName, e.getClass().getSimpleName());
                return Optional.empty();
            }
        }

        @Override
        public synchronized boolean save(String profileName, Secret secret) {
            try {
                keyring.setPassword(SERVICE, profileName, secret.reveal());
                return true;
            } catch (PasswordAccessException | RuntimeException e) {
                LOG.warn("Could not save the secret of profile {} in the keychain: {}", profileName, e.getClass().getSimpleName());
                return false;
            }
        }

        @Override
        public synchronized void delete(String profileName) {
            try {
                keyring.deletePassword(SERVICE, profileName);
            } catch (PasswordAccessException | RuntimeException e) {
                LOG.debug("No keychain entry to delete for profile {}", profileName);
            }
        }
    }
}
