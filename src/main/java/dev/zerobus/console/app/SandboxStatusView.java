package dev.zerobus.console.app;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.sandbox.SandboxEndpoints;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Shows whether the embedded sandbox is running and where, so a newcomer can point any client at it. */
final class SandboxStatusView extends VBox {
    private final Label state = new Label("Starting the sandbox workspace…");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final GridPane details = new GridPane();

    SandboxStatusView() {
        super(16);
        setPadding(new Insets(24));
        getStyleClass().add("sandbox-status");
        var title = new Label("Zerobus Ingest Console");
        title.getStyleClass().add(Styles.TITLE_2);
        busy.setPrefSize(20, 20);
        state.setId("sandbox-state");
        details.setHgap(12);
        details.setVgap(8);
        getChildren().setAll(title, new HBox(8, busy, state), details);
    }

    void showRunning(SandboxEndpoints endpoints) {
        busy.setVisible(false);
        busy.setManaged(false);
        state.setText("Sandbox workspace running on 127.0.0.1");
        state.getStyleClass().add(Styles.SUCCESS);
        row(0, "Workspace URL", endpoints.workspaceUrl(), "workspace-url");
        row(1, "Zerobus endpoint", endpoints.zerobusEndpoint(), "zerobus-endpoint");
        row(2, "Client id", endpoints.clientId(), "client-id");
        row(3, "Client secret", "•••••••• (shown by 'zerobus-console sandbox')", "client-secret");
        row(4, "Data directory", endpoints.dataDir().toString(), "data-dir");
    }

    void showFailed(RuntimeException error) {
        busy.setVisible(false);
        busy.setManaged(false);
        state.setText("The sandbox did not start: " + error.getMessage());
        state.getStyleClass().add(Styles.DANGER);
    }

    private void row(int index, String label, String value, String id) {
        var field = new TextField(value);
        field.setEditable(false);
        field.setId(id);
        field.setPrefColumnCount(40);
        details.addRow(index, new Label(label), field);
    }
}
