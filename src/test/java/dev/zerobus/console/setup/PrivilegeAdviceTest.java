package dev.zerobus.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivilegeAdviceTest {
    @Test
    void readsThePrivilegeAndObjectFromDatabricksAndSandboxWordings() {
        assertThat(PrivilegeAdvice.parse("[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have MANAGE on Table "
                + "'main.default.sensor_readings'. SQLSTATE: 42501")).contains(new PrivilegeAdvice.Missing("MANAGE", "TABLE", "main.default.sensor_readings"));
        assertThat(PrivilegeAdvice.parse("User does not have CREATE TABLE on Schema 'main.default'."))
                .contains(new PrivilegeAdvice.Missing("CREATE TABLE", "SCHEMA", "main.default"));
        assertThat(PrivilegeAdvice.parse("User 'x' does not have USE_CATALOG privilege on catalog `main`"))
                .contains(new PrivilegeAdvice.Missing("USE CATALOG", "CATALOG", "main"));
        assertThat(PrivilegeAdvice.parse("does not have SELECT on table main.default.t.")).contains(new PrivilegeAdvice.Missing("SELECT", "TABLE", "main.default.t"));
        assertThat(PrivilegeAdvice.parse("Table not found")).isEmpty();
        assertThat(new PrivilegeAdvice.Missing("CREATE TABLE", "SCHEMA", "main.default").grantTo("analyst@localhost"))
                .isEqualTo("GRANT CREATE TABLE ON SCHEMA `main`.`default` TO `analyst@localhost`");
    }
}
