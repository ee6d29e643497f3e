package dev.zerobus.console.sandbox.auth;

import java.time.Instant;
import java.util.List;

/**
 * What an issued access token stands for. The token string itself is never logged; {@link #toString()}
 * leaves it out.
 */
public record TokenGrant(String token, Principal principal, String scope, Instant expiresAt,
                         List<AuthorizationDetail> authorizationDetails) {
    public TokenGrant {
        authorizationDetails = List.copyOf(authorizationDetails);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True when the token was requested with authorization details that allow {@code privilege} on the object. */
    public boolean allows(String objectType, String fullPath, String privilege) {
        return authorizationDetails.stream().anyMatch(d -> d.allows(objectType, fullPath, privilege));
    }

    @Override
    public String toString() {
        return "TokenGrant[principal=" + principal.clientId() + ", scope=" + scope + ", expiresAt=" + expiresAt
                + ", details=" + authorizationDetails.size() + "]";
    }
}
