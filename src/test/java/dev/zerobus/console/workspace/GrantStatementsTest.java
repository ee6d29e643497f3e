package dev.zerobus.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one GRANT extraction the explainer, the catalog's SDK errors and the doctor share. */
class GrantStatementsTest {
    @Test
    void quotesTheStatementOfAZerobusPermissionError() {
        String text = "NonRetriableException: Failed to open stream: PERMISSION_DENIED: 4024 The principal lacks a privilege."
                + " Run GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp` and retry.";
        assertThat(GrantStatements.firstIn(text)).isEqualTo("GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp`");
    }

    @Test
    void stopsAtTheFirstPrincipalAndNeverCrossesALineOrAStatementsEnd() {
        assertThat(GrantStatements.firstIn("GRANT USE CATALOG ON CATALOG main TO `a`; GRANT USE SCHEMA ON SCHEMA main.default TO `a`;"))
                .isEqualTo("GRANT USE CATALOG ON CATALOG main TO `a`");
        assertThat(GrantStatements.firstIn("GRANT nothing here\nTO `a`")).isNull();
        assertThat(GrantStatements.firstIn("ask an admin to GRANT it; then TO `a`")).isNull();
    }

    @Test
    void findsNothingWithoutAQuotedPrincipal() {
        assertThat(GrantStatements.firstIn("User does not have SELECT on Table 'main.default.t'.")).isNull();
        assertThat(GrantStatements.firstIn("")).isNull();
    }
}
