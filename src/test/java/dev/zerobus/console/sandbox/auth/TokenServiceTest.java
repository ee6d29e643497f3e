package dev.zerobus.console.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private final TokenService tokens = new TokenService(Clock.systemUTC(), Duration.ofHours(1));
    private final Principal user = Principal.user("someone@localhost", "Someone", 7, false);

    /** Anyone may call /oidc/v1/authorize: the codes waiting for their exchange are bounded. */
    @Test
    void boundsTheCodesWaitingToBeRedeemed() {
        for (int i = 0; i < TokenService.MAX_PENDING_CODES; i++) {
            assertThat(tokens.newAuthorizationCode(user, "databricks-cli", "http://localhost:8020", "c", "all-apis")).isPresent();
        }

        assertThat(tokens.newAuthorizationCode(user, "databricks-cli", "http://localhost:8020", "c", "all-apis")).isEmpty();
    }

    @Test
    void aUserHasNoClientCredentialsAndASecretIsCheckedByHashOnly() {
        Principal sp = new Principal("app-1", "App", 8);
        String secret = tokens.register(sp, null);
        tokens.registerUser(user);

        assertThat(tokens.authenticate("app-1", secret)).isInstanceOf(TokenService.Authentication.Accepted.class);
        assertThat(tokens.authenticate("app-1", secret + "x")).isInstanceOf(TokenService.Authentication.WrongSecret.class);
        assertThat(tokens.authenticate(user.clientId(), secret)).isInstanceOf(TokenService.Authentication.UnknownClient.class);
        assertThat(tokens.secrets(sp).getFirst().toString()).doesNotContain(secret);
        assertThat(new String(tokens.secrets(sp).getFirst().hash(), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }
}
