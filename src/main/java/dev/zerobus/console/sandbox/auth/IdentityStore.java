package dev.zerobus.console.sandbox.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The service principals created through SCIM, with their secrets' salted hashes (never a secret in plain text), in
 * {@code principals.json} of the data dir: temp file, fsync, atomic rename, like {@code workspace.json}. The built-in
 * principals are not stored: they are registered at every start, with fresh secrets and tokens.
 */
public final class IdentityStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Times in epoch milliseconds; salt and hash base64 (Jackson's byte[] form). */
    record StoredSecret(String id, byte[] salt, byte[] hash, long createTime, long expireTime) {}

    record StoredPrincipal(long id, String applicationId, String displayName, boolean active, List<StoredSecret> secrets) {}

    record Stored(int version, List<StoredPrincipal> servicePrincipals) {}

    private final Path file;

    public IdentityStore(Path file) {
        this.file = file;
    }

    List<StoredPrincipal> load() {
        if (!Files.exists(file)) return List.of();
        try {
            return List.copyOf(JSON.readValue(file.toFile(), Stored.class).servicePrincipals());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox principals " + file + ": " + e.getMessage()
                    + ". Move the file away to start without the service principals created earlier.", e);
        }
    }

    void save(List<StoredPrincipal> principals) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(new Stored(1, principals)));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox principals to " + file + ": " + e.getMessage(), e);
        }
    }
}
