package dev.zerobus.console.ui.connection;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The question before leaving a profile form with unsaved edits (another profile, a new one, quitting): Save,
 * Discard or Cancel. Save is offered only when the form can be saved; the text then says why not.
 */
final class UnsavedProfileDialog {
    enum Answer { SAVE, DISCARD, CANCEL }

    private UnsavedProfileDialog() {}

    /**
     * Before another profile or a new one replaces the form: asks when it holds a new profile with edits (a changed
     * saved profile is kept as a draft until the person comes back to it, so it needs no question).
     */
    static void confirmLeavingNew(Node owner, ConnectionModel model, Runnable proceed, Runnable cancelled) {
        confirm(owner, model.form().unsavedNewProperty().get(), window -> ask(window, model), model::save, proceed, cancelled);
    }

    /**
     * Before quitting: asks about every profile with unsaved edits, the drafts kept for other profiles as well as the
     * form's, naming each; Save all stores them all, then quitting goes on.
     */
    static void confirmQuit(Node owner, ConnectionModel model, Runnable proceed) {
        confirm(owner, !model.unsavedProfiles().isEmpty(), window -> askOnQuit(window, model), model::saveAll, proceed, () -> { });
    }

    /**
     * Runs {@code proceed} at once when nothing is unsaved; else asks over {@code owner}'s window (later on the FX
     * thread, outside any event in progress), then saves and proceeds, discards and proceeds, or runs {@code cancelled}.
     */
    private static void confirm(Node owner, boolean unsaved, Function<Window, Answer> question, Consumer<Runnable> saveThen,
                                Runnable proceed, Runnable cancelled) {
        if (!unsaved) {
            proceed.run();
            return;
        }
        Platform.runLater(() -> {
            switch (question.apply(owner.getScene().getWindow())) {
                case SAVE -> saveThen.accept(proceed);
                case DISCARD -> proceed.run();
                case CANCEL -> cancelled.run();
            }
        });
    }

    private static Answer ask(Window owner, ConnectionModel model) {
        return show(owner, "Save", model.form().isNewProperty().get() ? "Save the new profile?" : "Save your changes to the profile?",
                model.unsavedQuestion(), model.form().canSave().get());
    }

    private static Answer askOnQuit(Window owner, ConnectionModel model) {
        boolean several = model.unsavedProfiles().size() > 1;
        return show(owner, several ? "Save all" : "Save", several ? "Save the profiles before quitting?" : "Save the profile before quitting?",
                model.unsavedOnQuitQuestion(), model.canSaveAll());
    }

    private static Answer show(Window owner, String saveText, String header, String question, boolean canSave) {
        var save = new ButtonType(saveText, ButtonBar.ButtonData.YES);
        var discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        var cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, null, save, discard, cancel);
        alert.initOwner(owner);
        alert.setTitle("Unsaved profile");
        alert.setHeaderText(header);
        var text = new Label(question);
        text.setId("unsaved-profile-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE); // grows with its lines instead of cutting them
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("unsaved-profile-dialog");
        alert.getDialogPane().setPrefWidth(560);
        alert.getDialogPane().lookupButton(save).setId("unsaved-save");
        alert.getDialogPane().lookupButton(save).setDisable(!canSave);
        alert.getDialogPane().lookupButton(discard).setId("unsaved-discard");
        alert.getDialogPane().lookupButton(cancel).setId("unsaved-cancel");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? Answer.SAVE : answer == discard ? Answer.DISCARD : Answer.CANCEL;
    }
}
