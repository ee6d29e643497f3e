package dev.zerobus.console.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's identities and credentials: principals (users and service principals), the service principals'
 * OAuth secrets (salted hashes only), personal access tokens of the users, OAuth access tokens, authorization codes
 * and refresh tokens. Built-in principals get fresh secrets and tokens at every start; service principals created
 * through SCIM persist in the {@link IdentityStore} with their secrets' hashes. Nothing secret reaches the data dir
 * in plain text. Thread-safe.
 */
public final class TokenService {
    /**
     * How long an authorization code may wait to be redeemed. Databricks says the code "expires immediately after you
     * use it" (https://docs.databricks.com/aws/en/dev-tools/auth/oauth-u2m, manual flow) and gives no lifetime; the
     * stricter reading is a short one, as RFC 6749 4.1.2 recommends (10 minutes at most).
     */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    /** Secrets per service principal: the API reference states no limit, so the sandbox keeps a small one. */
    public static final int MAX_SECRETS = 5;
    /** Databricks' default secret lifetime, 730 days (service principal secrets API reference); the sandbox's maximum too. */
    public static final Duration MAX_SECRET_LIFETIME = Duration.ofDays(730);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final Set<String> builtIn = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ClientSecret>> secrets = new ConcurrentHashMap<>();
    private final Map<String, TokenGrant> tokens = new ConcurrentHashMap<>();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration tokenLifetime;
    private final @Nullable IdentityStore store;

    public TokenService(Clock clock, Duration tokenLifetime) {
        this(clock, tokenLifetime, null);
    }

    /** With a store, the service principals created earlier are loaded from it, and later changes written to it. */
    public TokenService(Clock clock, Duration tokenLifetime, @Nullable IdentityStore store) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.store = store;
        if (store != null) {
            for (IdentityStore.StoredPrincipal p : store.load()) {
                principals.put(p.applicationId(), new Principal(p.applicationId(), p.displayName(), p.id()));
                List<ClientSecret> list = new ArrayList<>();
                p.secrets().forEach(s -> list.add(new ClientSecret(s.id(), s.salt(), s.hash(),
                        Instant.ofEpochMilli(s.createTime()), Instant.ofEpochMilli(s.expireTime()))));
                secrets.put(p.applicationId(), list);
            }
        }
    }

    // ---- principals ----

    /** Registers a built-in service principal with the given secret, or a fresh random one when null. Returns the secret. */
    public String register(Principal principal, @Nullable String secret) {
        String value = secret != null ? secret : "sbx-" + randomToken(24);
        principals.put(principal.clientId(), principal);
        builtIn.add(principal.clientId());
        Instant now = clock.instant();
        secrets.put(principal.clientId(), new ArrayList<>(List.of(
                ClientSecret.of("builtin-" + principal.id(), value, salt(), now, now.plus(MAX_SECRET_LIFETIME)))));
        return value;
    }

    /**
     * Registers a built-in user and mints its personal access token, valid until the sandbox stops (never stored).
     * Databricks PATs start with {@code dapi} (https://docs.databricks.com/aws/en/dev-tools/auth/pat).
     */
    public String registerUser(Principal user) {
        if (!user.isUser()) throw new IllegalArgumentException(user.clientId() + " is not a user");
        principals.put(user.clientId(), user);
        builtIn.add(user.clientId());
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = "dapi" + HexFormat.of().formatHex(bytes);
        tokens.put(token, new TokenGrant(token, user, "all-apis", Instant.MAX, List.of(), TokenGrant.Type.PERSONAL_ACCESS_TOKEN));
        return token;
    }

    public Optional<Principal> principal(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(principals.get(clientId));
    }

    public Optional<Principal> principalById(long id) {
        return principals.values().stream().filter(p -> p.id() == id).findFirst();
    }

    public Collection<Principal> principals() {
        return List.copyOf(principals.values());
    }

    public List<Principal> servicePrincipals() {
        return principals.values().stream().filter(p -> !p.isUser()).sorted(Comparator.comparingLong(Principal::id)).toList();
    }

    public boolean isBuiltIn(Principal principal) {
        return builtIn.contains(principal.clientId());
    }

    /** Creates a service principal with a new application id (a UUID) and SCIM id, without secrets. */
    public synchronized Principal createServicePrincipal(String displayName) {
        long id = principals.values().stream().mapToLong(Principal::id).max().orElse(1000) + 1;
        var created = new Principal(UUID.randomUUID().toString(), displayName, id);
        principals.put(created.clientId(), created);
        secrets.put(created.clientId(), new ArrayList<>());
        save();
        return created;
    }

    /** Renames a created service principal. */
    public synchronized Principal rename(Principal principal, String displayName) {
        var renamed = new Principal(principal.clientId(), displayName, principal.id(), principal.kind(), principal.admin());
        principals.put(renamed.clientId(), renamed);
        save();
        return renamed;
    }

    /** Deletes a created service principal, its secrets and every token issued to it. */
    public synchronized void deleteServicePrincipal(Principal principal) {
        if (isBuiltIn(principal)) throw new IllegalArgumentException(principal.clientId() + " is built in");
        principals.remove(principal.clientId());
        secrets.remove(principal.clientId());
        tokens.values().removeIf(g -> g.principal().clientId().equals(principal.clientId()));
        save();
    }

    // ---- client secrets ----

    /** A new secret: its record and its value, which is shown once and never stored. */
    public record NewSecret(ClientSecret info, String value) {
        @Override
        public String toString() {
            return "NewSecret[" + info + ", value=****]";
        }
    }

    /** Creates a secret for a service principal; fails when it already has {@link #MAX_SECRETS}. */
    public synchronized NewSecret createSecret(Principal principal, Duration lifetime) {
        List<ClientSecret> list = secrets.computeIfAbsent(principal.clientId(), k -> new ArrayList<>());
        if (list.size() >= MAX_SECRETS) {
            throw new IllegalStateException("Service principal " + principal.id() + " already has " + MAX_SECRETS
                    + " OAuth secrets, the most Databricks allows. Delete one first.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = "dose" + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        String id = HexFormat.of().formatHex(randomBytes(32));
        ClientSecret info = ClientSecret.of(id, value, salt(), now, now.plus(lifetime));
        list.add(info);
        if (!isBuiltIn(principal)) save();
        return new NewSecret(info, value);
    }

    public synchronized List<ClientSecret> secrets(Principal principal) {
        return List.copyOf(secrets.getOrDefault(principal.clientId(), List.of()));
    }

    /** Deletes one secret; false when the principal has no secret with that id. */
    public synchronized boolean deleteSecret(Principal principal, String secretId) {
        List<ClientSecret> list = secrets.get(principal.clientId());
        boolean removed = list != null && list.removeIf(s -> s.id().equals(secretId));
        if (removed && !isBuiltIn(principal)) save();
        return removed;
    }

    /** The outcome of checking client credentials. */
    public sealed interface Authentication {
        record Accepted(Principal principal) implements Authentication {}
        record UnknownClient(String clientId) implements Authentication {}
        record WrongSecret(String clientId) implements Authentication {}
        record NoSecret(String clientId) implements Authentication {}
    }

    public Authentication authenticate(String clientId, String secret) {
        Principal principal = principals.get(clientId);
        if (principal == null || principal.isUser()) return new Authentication.UnknownClient(clientId);
        List<ClientSecret> list;
        synchronized (this) {
            list = List.copyOf(secrets.getOrDefault(clientId, List.of()));
        }
        if (list.isEmpty()) return new Authentication.NoSecret(clientId);
        Instant now = clock.instant();
        return list.stream().anyMatch(s -> !s.isExpired(now) && s.matches(secret))
                ? new Authentication.Accepted(principal)
                : new Authentication.WrongSecret(clientId);
    }

    // ---- access tokens ----

    /** An OAuth M2M access token (client_credentials). */
    public TokenGrant issue(Principal principal, String scope, List<AuthorizationDetail> details) {
        return issue(principal, scope, details, TokenGrant.Type.OAUTH_M2M);
    }

    private TokenGrant issue(Principal principal, String scope, List<AuthorizationDetail> details, TokenGrant.Type type) {
        purgeExpired();
        String token = "sbxtok-" + randomToken(32);
        var grant = new TokenGrant(token, principal, scope, clock.instant().plus(tokenLifetime), details, type);
        tokens.put(token, grant);
        return grant;
    }

    /** The outcome of checking a bearer token. */
    public sealed interface Lookup {
        record Valid(TokenGrant grant) implements Lookup {}
        record Missing() implements Lookup {}
        record Unknown() implements Lookup {}
        record Expired(Instant expiredAt, String clientId) implements Lookup {}
    }

    /** Looks up the value of an {@code authorization} header (or a bare token). */
    public Lookup lookup(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) return new Lookup.Missing();
        String token = authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorizationHeader.substring(7).strip() : authorizationHeader.strip();
        TokenGrant grant = tokens.get(token);
        if (grant == null) return new Lookup.Unknown();
        if (grant.isExpired(clock.instant())) return new Lookup.Expired(grant.expiresAt(), grant.principal().clientId());
        return new Lookup.Valid(grant);
    }

    // ---- OAuth U2M: authorization codes and refresh tokens ----

    /** An authorization code waiting to be redeemed at the token endpoint. */
    public record PendingCode(Principal user, String clientId, String redirectUri, String codeChallenge, String scope,
                              Instant expiresAt) {}

    /** A refresh token's owner and the OAuth client it was issued to. */
    public record RefreshGrant(Principal user, String clientId, String scope) {}

    /** An access token with the refresh token that came with it (null without {@code offline_access}). */
    public record UserTokens(TokenGrant access, @Nullable String refreshToken) {}

    /** Codes waiting at once, at most: anyone may call /oidc/v1/authorize, so its state must be bounded. */
    public static final int MAX_PENDING_CODES = 10_000;

    /** A new authorization code, or empty when {@link #MAX_PENDING_CODES} are already waiting. */
    public Optional<String> newAuthorizationCode(Principal user, String clientId, String redirectUri, String codeChallenge,
                                                 String scope) {
        purgeExpired();
        if (codes.size() >= MAX_PENDING_CODES) return Optional.empty();
        String code = "sbxcode-" + randomToken(24);
        codes.put(code, new PendingCode(user, clientId, redirectUri, codeChallenge, scope, clock.instant().plus(CODE_LIFETIME)));
        return Optional.of(code);
    }

    /** Takes a code out: a code is single-use, whether the exchange that follows succeeds or not. */
    public Optional<PendingCode> redeemCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }

    /** Takes a refresh token out: each use rotates it (the response carries a new one). */
    public Optional<RefreshGrant> redeemRefreshToken(String refreshToken) {
        return refreshToken == null ? Optional.empty() : Optional.ofNullable(refreshTokens.remove(refreshToken));
    }

    /** A U2M access token for a user, and a refresh token when the scope asks for {@code offline_access}. */
    public UserTokens issueUserTokens(Principal user, String clientId, String scope) {
        TokenGrant access = issue(user, scope, List.of(), TokenGrant.Type.OAUTH_U2M);
        String refresh = null;
        if (List.of(scope.split("\\s+")).contains("offline_access")) {
            refresh = "sbxrefresh-" + randomToken(32);
            refreshTokens.put(refresh, new RefreshGrant(user, clientId, scope));
        }
        return new UserTokens(access, refresh);
    }

    /** True if {@code verifier} hashes to the S256 {@code challenge} (RFC 7636 4.6). */
    public static boolean verifierMatches(String verifier, String challenge) {
        if (verifier == null || challenge == null) return false;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Keeps recently expired tokens for an hour so that clients are told "expired" rather than "unknown". */
    private void purgeExpired() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofHours(1));
        tokens.values().removeIf(g -> g.expiresAt().isBefore(cutoff));
        codes.values().removeIf(c -> c.expiresAt().isBefore(now));
    }

    private void save() {
        if (store == null) return;
        List<IdentityStore.StoredPrincipal> stored = new ArrayList<>();
        for (Principal p : servicePrincipals()) {
            if (isBuiltIn(p)) continue;
            List<IdentityStore.StoredSecret> list = secrets.getOrDefault(p.clientId(), List.of()).stream()
                    .map(s -> new IdentityStore.StoredSecret(s.id(), s.salt(), s.hash(), s.createTime().toEpochMilli(),
                            s.expireTime().toEpochMilli())).toList();
            stored.add(new IdentityStore.StoredPrincipal(p.id(), p.clientId(), p.displayName(), true, list));
        }
        store.save(stored);
    }

    private byte[] salt() {
        return randomBytes(16);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }
}
