package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.workspace.Secret;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A secret (client secret, personal access token): masked, with an eye button that shows it. A stored secret is not
 * put into the field until the user presses the eye (the prompt says one is stored); typing replaces it.
 */
final class SecretField extends HBox {
    /** The client secret of "Ingest as". */
    SecretField(ProfileFormModel form, ObservableBooleanValue editable) {
        this("profile-secret", "secret-reveal", "OAuth secret of the service principal", form.secretTextProperty(),
                form.storedSecretProperty(), form::revealSecret, editable);
    }

    SecretField(String id, String revealId, String prompt, StringProperty text, ReadOnlyObjectProperty<@Nullable Secret> stored,
                Runnable reveal, ObservableBooleanValue editable) {
        super(6);
        var masked = new PasswordField();
        masked.setId(id);
        var plain = new TextField();
        plain.setId(id + "-plain");
        for (TextField field : new TextField[] {masked, plain}) {
            field.textProperty().bindBidirectional(text);
            field.editableProperty().bind(editable);
            field.promptTextProperty().bind(Bindings.when(Bindings.isNotNull(stored))
                    .then("•••••••• stored: press the eye to show it, or type a new one")
                    .otherwise(prompt));
        }
        var eye = new ToggleButton(null, new FontIcon(Feather.EYE));
        eye.setId(revealId);
        eye.getStyleClass().add(Styles.BUTTON_ICON);
        eye.setTooltip(new Tooltip("Show or hide it"));
        eye.selectedProperty().subscribe(show -> {
            if (show) reveal.run();
            eye.setGraphic(new FontIcon(show ? Feather.EYE_OFF : Feather.EYE));
        });
        plain.visibleProperty().bind(eye.selectedProperty());
        masked.visibleProperty().bind(eye.selectedProperty().not());
        // Loading another profile masks it again.
        stored.addListener((obs, old, now) -> { if (now != null) eye.setSelected(false); });
        var stack = new StackPane(masked, plain);
        HBox.setHgrow(stack, Priority.ALWAYS);
        getChildren().addAll(stack, eye);
    }
}
