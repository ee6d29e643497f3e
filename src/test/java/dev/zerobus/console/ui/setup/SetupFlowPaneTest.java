package dev.zerobus.console.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.records.fileimport.ImportView;
import dev.zerobus.console.ui.theme.Theme;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.UserAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11's must-show flow through the panes, against a fresh sandbox with the official clients: as a user with only
 * a personal access token, create a table from a CSV's inferred schema (New table), set up a service principal with
 * its secret and grants (Connection), ingest 10,000 rows as that principal (Records import) and read them back as the
 * user (Stream Verify). Every step is saved as a screenshot, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class SetupFlowPaneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int ROWS = 10_000;
    private static final String TABLE = "main.default.orders";
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    Scene scene;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        scene = UiTestSupport.showMainWindow(stage, context, 1280, 820).getScene();
    }

    @Test
    void aUserWithOnlyAPatCreatesATableSetsUpAPrincipalIngestsAndReadsBack(FxRobot robot) throws Exception {
        Path csv = orders(dir.resolve("orders.csv"));
        var e = ui.workspace().endpoints();

        // 1. A profile with "You" = a personal access token, no service principal yet.
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#profile-list").queryListView().getItems().isEmpty());
        fire(robot, "#profile-add");
        set(robot, "#profile-name", "my-workspace");
        set(robot, "#profile-workspace-url", e.workspaceUrl());
        set(robot, "#profile-endpoint", e.zerobusEndpoint());
        set(robot, "#profile-you-token", e.userToken());
        assertThat(text(robot, "#profile-you-type-error")).isEmpty();
        fire(robot, "#profile-save");
        UiTestSupport.waitUntil(PATIENCE, () -> !text(robot, "#notice-text").isEmpty());
        assertThat(text(robot, "#notice-text")).startsWith("Saved 'my-workspace'.");
        UiTestSupport.waitUntil(PATIENCE, () -> context.profiles().find("my-workspace").isPresent());
        fire(robot, "#profile-use");
        UiTestSupport.waitUntil(PATIENCE, () -> isActive("my-workspace"));
        ConnectionProfile you = context.activeProfile().get();
        assertThat(you.you().type()).isEqualTo(UserAuth.Type.PAT);
        assertThat(you.clientId()).isEmpty();
        shoot(robot, scene, "setup-1-profile-you");

        // 2. Catalog > New table: columns inferred from the CSV, one type changed, the SQL shown, created on a warehouse.
        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        fire(robot, "#catalog-new-table");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#new-table-warehouse").tryQuery().isPresent()
                && !robot.lookup("#new-table-warehouse-note").queryAs(Label.class).getText().startsWith("Pick"));
        set(robot, "#new-table-file", csv.toString());
        robot.interact(() -> robot.lookup("#new-table-file").query().fireEvent(new javafx.event.ActionEvent())); // Enter
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#new-table-inferred").startsWith("Inferred from orders.csv"));
        assertThat(field(robot, "#new-column-type-0")).isEqualTo("bigint");
        assertThat(field(robot, "#new-column-type-2")).isEqualTo("double");
        assertThat(field(robot, "#new-column-type-3")).isEqualTo("boolean");
        assertThat(field(robot, "#new-column-type-4")).isEqualTo("date");
        assertThat(field(robot, "#new-column-type-5")).isEqualTo("timestamp");
        set(robot, "#new-column-type-1", "string");
        assertThat(field(robot, "#new-table-name")).isEqualTo("orders");
        String sql = field(robot, "#new-table-sql");
        assertThat(sql).startsWith("CREATE TABLE `main`.`default`.`orders` (").contains("`amount` DOUBLE").contains("`ts` TIMESTAMP");
        shoot(robot, robot.lookup("#new-table-body").query().getScene(), "setup-2-new-table-from-csv");
        fire(robot, "#new-table-create");
        UiTestSupport.waitUntil(PATIENCE, () -> context.activeTable().get() != null
                && context.activeTable().get().fullName().equals(TABLE));
        assertThat(context.activeTable().get().schema().columns()).hasSize(6);
        shoot(robot, scene, "setup-3-catalog-new-table");

        // 3. Connection > Set up a service principal: created, secret shown once, grants, doctor as the principal.
        robot.interact(() -> context.selectedPane().set(PaneId.CONNECTION));
        UiTestSupport.waitUntil(PATIENCE, () -> field(robot, "#check-table").equals(TABLE));
        fire(robot, "#profile-setup-sp");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#setup-run").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        var dialog = robot.lookup("#setup-run").query().getScene().getWindow();
        assertThat(dialog.getHeight()).as("fits a 1024x700 window").isLessThanOrEqualTo(700);
        assertThat(robot.lookup("#setup-principal-hint").queryAs(Label.class).getText()).startsWith("New:");
        fire(robot, "#setup-run");
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#setup-status").startsWith("Done"));
        assertThat(text(robot, "#setup-status-principal")).isEqualTo("done");
        assertThat(text(robot, "#setup-status-grants")).isEqualTo("done");
        assertThat(text(robot, "#setup-status-doctor")).isEqualTo("done");
        assertThat(field(robot, "#setup-command-grants")).contains("GRANT SELECT, MODIFY ON TABLE `main`.`default`.`orders`");
        assertThat(robot.lookup("#setup-secret").queryAs(TextInputControl.class).isVisible()).isTrue();
        shoot(robot, robot.lookup("#setup-body").query().getScene(), "setup-4-service-principal");
        robot.interact(() -> robot.lookup("#setup-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        shoot(robot, robot.lookup("#setup-body").query().getScene(), "setup-4b-service-principal-secret");
        fire(robot, "#setup-close");
        UiTestSupport.waitUntil(PATIENCE, () -> context.activeProfile().get().hasIngestIdentity());
        ConnectionProfile both = context.activeProfile().get();
        assertThat(both.clientId()).isNotIn("", SandboxPrincipals.GRANTED);
        assertThat(both.you().type()).isEqualTo(UserAuth.Type.PAT);
        fire(robot, "#check-run");
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#check-summary").startsWith("All 7 steps passed"));
        shoot(robot, scene, "setup-5-doctor-both-identities");

        // 4. Records > Import file: 10,000 rows as the new principal.
        robot.interact(() -> context.selectedPane().set(PaneId.RECORDS));
        robot.interact(() -> robot.lookup("#records-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#import-view").queryAs(ImportView.class).importFile(csv));
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#import-start").query().isDisabled());
        fire(robot, "#import-start");
        UiTestSupport.waitUntil(Duration.ofMinutes(3), () -> !text(robot, "#import-outcome").isEmpty());
        assertThat(text(robot, "#import-outcome")).startsWith("10,000 rows landed");
        shoot(robot, scene, "setup-6-import-as-principal");

        // 5. Stream > Verify: read back as the user.
        robot.interact(() -> context.selectedPane().set(PaneId.STREAM));
        fire(robot, "#stream-verify-run");
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#stream-verify-summary").contains("10,000 records ACKed")
                || !text(robot, "#stream-verify-problem").isEmpty());
        assertThat(text(robot, "#stream-verify-summary")).as(text(robot, "#stream-verify-problem"))
                .startsWith("10,000 rows in the table now").endsWith("10,000 records ACKed."); // the count before is taken on the sandbox profile only
        shoot(robot, scene, "setup-7-verify-as-you");
        var reader = new TableReader(WorkspaceClients.asYou(you));
        assertThat(reader.count(TABLE)).isEqualTo(ROWS);

        // 6. Schema drift: a file with a column the table lacks; ALTER TABLE shown, run as You on confirmation.
        Path more = Files.writeString(dir.resolve("more-orders.csv"), "id,customer,amount,paid,day,ts,channel\n"
                + "10001,customer-1,1.50,true,2024-06-01,2024-06-01 08:00:00,web\n");
        robot.interact(() -> context.selectedPane().set(PaneId.RECORDS));
        robot.interact(() -> robot.lookup("#import-view").queryAs(ImportView.class).importFile(more));
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#import-drift").query().isVisible());
        assertThat(text(robot, "#import-drift-text")).startsWith("The file has 1 column the table lacks: channel STRING");
        shoot(robot, scene, "setup-8-schema-drift");
        robot.clickOn("#import-drift-add");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#import-drift-sql").tryQuery().isPresent());
        assertThat(field(robot, "#import-drift-sql")).isEqualTo("ALTER TABLE `main`.`default`.`orders` ADD COLUMNS (\n  `channel` STRING\n)");
        robot.clickOn("#import-drift-run");
        UiTestSupport.waitUntil(PATIENCE, () -> context.activeTable().get().schema().columns().size() == 7);
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#import-drift").query().isVisible());
    }

    private boolean isActive(String name) {
        var active = context.activeProfile().get();
        return active != null && active.name().equals(name);
    }

    /** The same view in light and dark, for the docs and for review. */
    private static void shoot(FxRobot robot, Scene target, String name) {
        robot.interact(() -> Theme.LIGHT.apply(target));
        Screenshots.save(target, name + "-light");
        robot.interact(() -> Theme.DARK.apply(target));
        Screenshots.save(target, name + "-dark");
        robot.interact(() -> Theme.LIGHT.apply(target));
    }

    private static Path orders(Path file) throws Exception {
        var sb = new StringBuilder("id,customer,amount,paid,day,ts\n");
        for (int i = 1; i <= ROWS; i++) {
            sb.append(i).append(",customer-").append(i % 97).append(',').append(String.format(Locale.ROOT, "%.2f", i * 1.25))
                    .append(',').append(i % 3 == 0).append(",2024-05-").append(String.format("%02d", 1 + i % 28))
                    .append(",2024-05-01 12:").append(String.format("%02d", i % 60)).append(":00\n");
        }
        return Files.writeString(file, sb);
    }

    /** Presses a button wherever it is (the form may have scrolled it out of view). */
    private static void fire(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class).fire());
    }

    private static void set(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(value));
    }

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText() : "").orElse("");
    }
}
