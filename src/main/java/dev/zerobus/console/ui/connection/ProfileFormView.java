package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.EndpointInfo;
import dev.zerobus.console.workspace.EndpointParser;
import dev.zerobus.console.workspace.UserAuth;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected profile's fields, with what the endpoint says about itself and inline errors. */
final class ProfileFormView extends VBox {
    private final GridPane grid = new GridPane();
    private final BooleanBinding editable;
    private int row;

    ProfileFormView(ConnectionModel model) {
        ProfileFormModel form = model.form();
        editable = form.editable();
        getStyleClass().add("card");
        setId("profile-form");
        grid.getStyleClass().add("form-grid");
        var labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // the widest label whole, at every text size
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        addField("Name", field("profile-name", form.nameProperty(), "e.g. dev-workspace"), form.nameErrorProperty(), null);
        addField("Workspace URL", field("profile-workspace-url", form.workspaceUrlProperty(),
                "https://dbc-1234abcd-5678.cloud.databricks.com"), form.workspaceUrlErrorProperty(), null);
        addField("Zerobus endpoint", field("profile-endpoint", form.endpointProperty(),
                "<workspace-id>.zerobus.<region>.cloud.databricks.com"), form.endpointInfoProperty().map(ProfileFormView::problems),
                createDetected(form));
        addYou(form);
        addSection("Ingest as", "The service principal Zerobus writes as (OAuth M2M: client id and secret).", "section-ingest");
        addField("Client ID", field("profile-client-id", form.clientIdProperty(), "Service principal's application id"),
                null, null);
        addField("Client secret", new SecretField(form, editable), null, createRemember(model));
        addField("Records/s quota", field("profile-records-quota", form.recordsQuotaProperty(), "100,000"),
                form.recordsQuotaErrorProperty(), quotaHint());
        grid.add(createSetup(model), 1, row++);
        getChildren().addAll(createHeader(model), createReadOnlyHint(model), grid, createActions(model));
    }

    /** "You": how the person signs in for browsing, set-up, grants and read-back. */
    private void addYou(ProfileFormModel form) {
        addSection("You", "How you sign in: to browse Unity Catalog, create tables, set up service principals, grant and read back.",
                "section-you");
        var type = new ComboBox<UserAuth.Type>();
        type.setId("profile-you-type");
        type.getItems().setAll(UserAuth.Type.values());
        type.setConverter(new StringConverter<>() {
            @Override public String toString(UserAuth.@Nullable Type t) {
                return t == null ? "" : t == UserAuth.Type.SERVICE_PRINCIPAL ? "Same as Ingest as (the service principal)" : t.label();
            }
            @Override public UserAuth.Type fromString(String text) { return UserAuth.Type.parse(text); }
        });
        type.valueProperty().bindBidirectional(form.youTypeProperty());
        type.disableProperty().bind(editable.not());
        type.setMaxWidth(Double.MAX_VALUE);
        Fit.tooltipWithValue(type, "How you sign in to the workspace"); // long choices are cut in a narrow form
        addField("Sign in with", type, form.youErrorProperty(), createYouHint(form));
        var token = new SecretField("profile-you-token", "you-token-reveal", "Personal access token (dapi…)",
                form.youTokenTextProperty(), form.storedTokenProperty(), form::revealToken, editable);
        showWhen(addField("Access token", token, null, null), form.youTypeProperty().isEqualTo(UserAuth.Type.PAT));
        showWhen(addField("Config profile", field("profile-you-config", form.youConfigProfileProperty(), "DEFAULT"), null, null),
                form.youTypeProperty().isEqualTo(UserAuth.Type.CONFIG_PROFILE));
    }

    private static Label createYouHint(ProfileFormModel form) {
        var hint = new Label();
        hint.setId("profile-you-hint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.textProperty().bind(form.youTypeProperty().map(t -> switch (t) {
            case PAT -> "Kept in the OS keychain when you tick Remember below, else for this session only; never in a file.";
            case EXTERNAL_BROWSER -> "Your browser opens for the workspace's sign-in when the console first needs you.";
            case DATABRICKS_CLI -> "Uses the token cache of `databricks auth login --host <workspace URL>`.";
            case AZURE_CLI -> "Uses the account of `az login`.";
            case CONFIG_PROFILE -> "A section of ~/.databrickscfg, of any auth type; the Databricks SDK reads it.";
            case ENVIRONMENT -> "DATABRICKS_TOKEN, DATABRICKS_AUTH_TYPE, … as the Databricks SDK reads them.";
            case SERVICE_PRINCIPAL -> "You act as the service principal below; it usually cannot list the catalog or grant.";
        }));
        return hint;
    }

    private void addSection(String title, String subtitle, String id) {
        var label = new Label(title);
        label.setId(id);
        label.getStyleClass().add("form-section");
        var hint = new Label(subtitle);
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        var box = new VBox(2, label, hint);
        box.getStyleClass().add("form-section-box");
        grid.add(box, 0, row++, 2, 1);
    }

    private static void showWhen(List<Node> nodes, ObservableValue<Boolean> condition) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private HBox createHeader(ConnectionModel model) {
        var title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(model.form().isNewProperty().map(isNew -> isNew ? "New profile" : "Profile"));
        var source = new Label();
        source.setId("profile-source");
        source.getStyleClass().addAll("badge", "neutral");
        source.textProperty().bind(Bindings.createStringBinding(() -> model.form().isNewProperty().get()
                ? "not saved yet" : ProfileCell.sourceName(model.form().sourceProperty().get()),
                model.form().isNewProperty(), model.form().sourceProperty()));
        var box = new HBox(10, title, source);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node createReadOnlyHint(ConnectionModel model) {
        var hint = new Label();
        hint.setId("profile-read-only");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.textProperty().bind(model.form().sourceProperty().map(s -> switch (s) {
            case SANDBOX -> "The local sandbox's profile is read-only.";
            case DATABRICKS_CFG -> "This profile comes from ~/.databrickscfg and is read-only here.";
            case ENVIRONMENT -> "This profile comes from DATABRICKS_* environment variables and is read-only.";
            case SAVED -> "";
        }));
        var duplicate = new Button("Duplicate to edit", new FontIcon(Feather.COPY));
        duplicate.setId("form-duplicate");
        duplicate.getStyleClass().add(Styles.SMALL);
        duplicate.setOnAction(event -> model.duplicate());
        var box = new HBox(10, hint, duplicate);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("read-only-hint");
        box.visibleProperty().bind(model.form().sourceProperty().isNotEqualTo(Source.SAVED));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox createActions(ConnectionModel model) {
        var save = new Button("Save profile", new FontIcon(Feather.SAVE));
        save.setId("profile-save");
        save.getStyleClass().add(Styles.SUCCESS);
        save.setTooltip(new Tooltip("Save this profile (Shortcut+S); the secret never goes to the profiles file"));
        save.disableProperty().bind(model.form().canSave().not().or(model.busyProperty()));
        save.setOnAction(event -> model.save());
        var unsaved = new Label("Unsaved changes");
        unsaved.setId("profile-unsaved");
        unsaved.getStyleClass().addAll("badge", Styles.WARNING);
        unsaved.visibleProperty().bind(model.form().dirtyProperty().and(editable));
        var box = new HBox(12, save, unsaved);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(editable);
        box.managedProperty().bind(editable);
        return box;
    }

    private HBox createSetup(ConnectionModel model) {
        var setup = new Button("Set up a service principal…", new FontIcon(Feather.USER_PLUS));
        setup.setId("profile-setup-sp");
        setup.setTooltip(new Tooltip("As You: create or pick a service principal, give it an OAuth secret and the grants "
                + "Zerobus needs on the table below, then test it"));
        setup.disableProperty().bind(model.form().youTypeProperty().isEqualTo(UserAuth.Type.SERVICE_PRINCIPAL)
                .or(model.busyProperty()));
        setup.setOnAction(event -> new SetupDialog(getScene().getWindow(), model.newSetup()).show());
        var hint = new Label("No principal yet? Set-up creates one as You.");
        hint.getStyleClass().add("muted");
        // The button keeps its width; the hint wraps in a narrow window rather than being cut.
        setup.setMinWidth(Region.USE_PREF_SIZE);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        var box = new HBox(10, setup, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private CheckBox createRemember(ConnectionModel model) {
        var remember = new CheckBox("Remember the secret and token in the OS keychain"
                + (model.isKeychainAvailable() ? "" : " (no keychain available here)"));
        remember.setId("profile-remember-secret");
        remember.setWrapText(true); // a narrow window wraps it instead of cutting it
        remember.setMinHeight(Region.USE_PREF_SIZE);
        remember.selectedProperty().bindBidirectional(model.form().rememberSecretProperty());
        boolean available = model.isKeychainAvailable();
        remember.setDisable(!available);
        remember.visibleProperty().bind(editable);
        remember.managedProperty().bind(editable);
        remember.setTooltip(new Tooltip(available ? "Stored in the OS keychain, never in a file. Unticked: kept for this session only."
                : model.keychainUnavailableReason()));
        return remember;
    }

    private static Label createDetected(ProfileFormModel form) {
        var detected = new Label();
        detected.setId("profile-endpoint-detected");
        detected.getStyleClass().add("muted");
        detected.setGraphic(new FontIcon(Feather.MAP_PIN));
        // What the endpoint says about itself, or while it fits no shape yet, the shapes it can still become.
        detected.textProperty().bind(form.endpointInfoProperty().map(info -> info.endpoint().isEmpty()
                ? "Type the endpoint: cloud, region and workspace id are read from it."
                : info.cloud() == null ? "Expected:\n" + String.join("\n", EndpointParser.expectedShapes(info.endpoint()))
                : "Detected: " + info.summary()));
        detected.setWrapText(true);
        detected.setMinHeight(Region.USE_PREF_SIZE);
        return detected;
    }

    private static String problems(EndpointInfo info) {
        if (info.endpoint().isEmpty()) return "";
        return info.problems().stream().map(p -> "Zerobus endpoint: " + p.message() + " " + p.fix())
                .collect(Collectors.joining("\n"));
    }

    /** Where the numbers come from: both pages, since they disagree. */
    private static Label quotaHint() {
        var hint = new Label("Per stream, for the Stream pane's gauges. Quotas page: 100,000 records/s (adjustable), 100 MB/s per "
                + "stream, 10 GB/s per table; the older limits page says 15,000 records/s.");
        hint.setId("profile-records-quota-hint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        return hint;
    }

    private TextField field(String id, StringProperty property, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        field.editableProperty().bind(editable);
        return field;
    }

    private List<Node> addField(String name, Node field, ObservableValue<String> error, Node below) {
        var label = new Label(name);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        grid.add(label, 0, row);
        grid.add(field, 1, row++);
        if (below != null) grid.add(below, 1, row++);
        if (error == null) return below == null ? List.of(label, field) : List.of(label, field, below);
        var message = new Label();
        message.setId(field.getId() + "-error");
        message.getStyleClass().add("problem-text");
        message.setWrapText(true);
        message.textProperty().bind(error);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        grid.add(message, 1, row++);
        return below == null ? List.of(label, field, message) : List.of(label, field, below, message);
    }
}
