package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The client secret: masked, with an eye button that shows it. A stored secret is not put into the field until the
 * user presses the eye (the prompt says one is stored); typing replaces it.
 */
final class SecretField extends HBox {
    SecretField(ProfileFormModel form, ObservableBooleanValue editable) {
        super(6);
        var masked = new PasswordField();
        masked.setId("profile-secret");
        var plain = new TextField();
        plain.setId("profile-secret-plain");
        for (TextField field : new TextField[] {masked, plain}) {
            field.textProperty().bindBidirectional(form.secretTextProperty());
            field.editableProperty().bind(editable);
            field.promptTextProperty().bind(Bindings.when(form.hasStoredSecret())
                    .then("•••••••• stored: press the eye to show it, or type a new one")
                    .otherwise("OAuth secret of the service principal"));
        }
        var reveal = new ToggleButton(null, new FontIcon(Feather.EYE));
        reveal.setId("secret-reveal");
        reveal.getStyleClass().add(Styles.BUTTON_ICON);
        reveal.setTooltip(new Tooltip("Show or hide the secret"));
        reveal.selectedProperty().subscribe(show -> {
            if (show) form.revealSecret();
            reveal.setGraphic(new FontIcon(show ? Feather.EYE_OFF : Feather.EYE));
        });
        plain.visibleProperty().bind(reveal.selectedProperty());
        masked.visibleProperty().bind(reveal.selectedProperty().not());
        // Loading another profile masks the secret again.
        form.storedSecretProperty().addListener((obs, old, now) -> { if (now != null) reveal.setSelected(false); });
        var stack = new StackPane(masked, plain);
        HBox.setHgrow(stack, Priority.ALWAYS);
        getChildren().addAll(stack, reveal);
    }
}
