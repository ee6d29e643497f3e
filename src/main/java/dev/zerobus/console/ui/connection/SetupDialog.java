package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.setup.SetupResult;
import dev.zerobus.console.setup.Warehouse;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.ProblemLine;
import dev.zerobus.console.workspace.Problem;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Set up a service principal": where and who, then each step as it runs with its equivalent SQL / CLI command to
 * copy, the failure with the privilege you lack and who can grant it, and the new secret (shown once, masked).
 * The body scrolls, so the dialog fits any window from 1024x700.
 */
final class SetupDialog extends Dialog<ButtonType> {
    private static final String CSS = Objects.requireNonNull(
            SetupDialog.class.getResource("/dev/zerobus/console/ui/connection/connection.css")).toExternalForm();

    SetupDialog(Window owner, SetupModel model) {
        initOwner(owner);
        setTitle("Set up a service principal");
        setHeaderText("Create or pick the service principal Zerobus writes as, give it a secret and its grants — as You");
        setResizable(true);
        var body = new VBox(14, createInputs(model), createRunBar(model), createSteps(model), createProblem(model), createSecret(model));
        body.getStyleClass().addAll("connection-pane", "setup-body");
        body.setId("setup-body");
        var scroll = Fit.scrollingBody(body, "setup-scroll", 760, 470);
        getDialogPane().getStylesheets().add(CSS);
        getDialogPane().setContent(scroll);
        // Fits a 1024x700 window with the Close button in view; the body scrolls.
        getDialogPane().setPrefSize(800, 620);
        getDialogPane().setMinHeight(360);
        getDialogPane().setMinWidth(720);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("setup-close");
        // Closing mid-run cancels it; the service removes what the run created.
        setOnCloseRequest(event -> model.cancel());
        model.load();
    }

    private GridPane createInputs(SetupModel model) {
        var table = new TextField();
        table.setId("setup-table");
        table.setPromptText("catalog.schema.table");
        table.textProperty().bindBidirectional(model.tableProperty());
        var principal = new ComboBox<String>();
        principal.setId("setup-principal");
        principal.setEditable(true);
        principal.setMaxWidth(Double.MAX_VALUE);
        principal.setPromptText("a name for a new principal, or pick one");
        principal.valueProperty().bindBidirectional(model.principalProperty());
        principal.getEditor().textProperty().addListener((obs, old, now) -> model.principalProperty().set(now));
        model.principals().subscribe(() -> principal.getItems().setAll(model.principals().stream()
                .map(p -> p.displayName().isEmpty() ? p.applicationId() : p.displayName()).toList()));
        var principalHint = new Label();
        principalHint.setId("setup-principal-hint");
        principalHint.getStyleClass().add("muted");
        principalHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.principalExists()
                ? "Exists: set-up gives it a new secret and the grants it lacks."
                : "New: set-up creates a service principal by this name.", model.principalProperty(), model.principals()));
        var warehouse = new ComboBox<Warehouse>();
        warehouse.setId("setup-warehouse");
        warehouse.setMaxWidth(Double.MAX_VALUE);
        warehouse.setItems(model.warehouses());
        warehouse.setConverter(label(Warehouse::label));
        warehouse.valueProperty().bindBidirectional(model.warehouseProperty());
        var warehouseHint = new Label("The GRANTs run as SQL on it; a stopped warehouse is started (that can take minutes).");
        warehouseHint.getStyleClass().add("muted");
        warehouseHint.setWrapText(true);
        var error = ProblemLine.of("setup-input-error", model.inputError());
        var grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        var labels = new ColumnConstraints();
        labels.setMinWidth(130);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, fieldLabel("Table"), table);
        grid.addRow(1, fieldLabel("Service principal"), principal);
        grid.add(principalHint, 1, 2);
        grid.addRow(3, fieldLabel("SQL warehouse"), warehouse);
        grid.add(warehouseHint, 1, 4);
        grid.add(error, 1, 5);
        for (Node n : new Node[] {table, principal, warehouse}) n.disableProperty().bind(model.runningProperty());
        return grid;
    }

    private HBox createRunBar(SetupModel model) {
        var run = new Button("Run set-up", new FontIcon(Feather.PLAY));
        run.setId("setup-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(model.canRun().not());
        run.setOnAction(event -> model.run());
        var cancel = CheckPanel.cancelButton("setup-cancel", model.runningProperty(), model::cancel);
        var busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        var status = new Label();
        status.setId("setup-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        var bar = new HBox(10, run, cancel, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox createSteps(SetupModel model) {
        var rows = new VBox();
        rows.setId("setup-steps");
        rows.getStyleClass().add("step-list");
        rows.setMinHeight(Region.USE_PREF_SIZE);
        model.steps().subscribe(() -> rows.getChildren().setAll(model.steps().stream().map(SetupStepRow::new).toList()));
        return rows;
    }

    private VBox createProblem(SetupModel model) {
        var box = new VBox(6);
        box.setId("setup-problem");
        box.getStyleClass().add("setup-problem");
        model.problemProperty().subscribe(p -> {
            box.getChildren().setAll(p == null ? java.util.List.of() : problemNodes(p));
            box.setVisible(p != null);
            box.setManaged(p != null);
        });
        return box;
    }

    private static java.util.List<Node> problemNodes(Problem p) {
        var message = wrapped(p.message(), "setup-problem-message", "problem-text");
        var fix = wrapped("Fix: " + p.fix(), "setup-problem-fix", "fix-text");
        if (p.copyableFix() == null) return java.util.List.of(message, fix);
        return java.util.List.of(message, fix, SetupStepRow.copyable(p.copyableFix(), "setup-problem-sql"));
    }

    /** The new secret, once: masked, with reveal and copy; where it is kept is said next to it. */
    private VBox createSecret(SetupModel model) {
        var masked = new PasswordField();
        masked.setId("setup-secret");
        masked.setEditable(false);
        var plain = new TextField();
        plain.setId("setup-secret-plain");
        plain.setEditable(false);
        var eye = new ToggleButton(null, new FontIcon(Feather.EYE));
        eye.setId("setup-secret-reveal");
        eye.getStyleClass().add(Styles.BUTTON_ICON);
        eye.setTooltip(new Tooltip("Show or hide the secret"));
        plain.visibleProperty().bind(eye.selectedProperty());
        masked.visibleProperty().bind(eye.selectedProperty().not());
        var copy = new CopyButton("Copy", "Copy the secret (it is shown only now)", () -> secretOf(model.resultProperty().get()));
        copy.setId("setup-secret-copy");
        var stack = new StackPane(masked, plain);
        HBox.setHgrow(stack, Priority.ALWAYS);
        var line = new HBox(6, stack, eye, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        var title = new Label("OAuth secret — shown once");
        title.getStyleClass().add("form-section");
        var where = new Label("It is now this profile's Ingest as secret: in the OS keychain when Remember is ticked and a "
                + "keychain exists, else for this session only. Databricks will not show it again.");
        where.getStyleClass().add("muted");
        where.setWrapText(true);
        var box = new VBox(6, title, line, where);
        box.setId("setup-secret-box");
        box.getStyleClass().add("card");
        model.resultProperty().subscribe(r -> {
            String secret = secretOf(r);
            masked.setText(secret);
            plain.setText(secret);
            eye.setSelected(false);
            box.setVisible(!secret.isEmpty());
            box.setManaged(!secret.isEmpty());
        });
        return box;
    }

    private static String secretOf(@Nullable SetupResult result) {
        return result == null || result.secret() == null ? "" : result.secret().secret().reveal();
    }

    private static Label fieldLabel(String text) {
        var label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    static Label wrapped(String text, String id, String... styles) {
        var label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(styles);
        return label;
    }

    private static <T> StringConverter<T> label(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(@Nullable T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
