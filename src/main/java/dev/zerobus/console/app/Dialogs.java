package dev.zerobus.console.app;

import dev.zerobus.console.cli.VersionInfo;
import dev.zerobus.console.ingest.NativeLibraryStatus;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.Shortcuts;
import dev.zerobus.console.ui.QuitModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help > Shortcuts, Help > About, and the question before quitting during a load. */
final class Dialogs {
    private Dialogs() {}

    static void shortcuts(Window owner, Shortcuts shortcuts) {
        var grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut s : shortcuts.all()) {
            var keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("mono");
            var description = new Label(s.description());
            Fit.keepWidth(keys, description); // the dialog grows to fit them, at every text size
            grid.addRow(row++, keys, description);
        }
        var alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    /** Asks what to do with running loads before quitting; closing the dialog keeps them running. */
    static QuitModel.Choice askQuit(Window owner, String question) {
        var finish = new ButtonType(QuitModel.Choice.FINISH.label(), ButtonBar.ButtonData.OTHER);
        var stop = new ButtonType(QuitModel.Choice.STOP.label(), ButtonBar.ButtonData.OK_DONE);
        var keep = new ButtonType(QuitModel.Choice.KEEP_RUNNING.label(), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, question, finish, stop, keep);
        alert.initOwner(owner);
        alert.setTitle("Quit Zerobus Ingest Console");
        alert.setHeaderText("Quit while a load is running?");
        alert.getDialogPane().setId("quit-dialog");
        alert.getDialogPane().setMinWidth(620);
        alert.getDialogPane().lookupButton(finish).setId("quit-finish");
        alert.getDialogPane().lookupButton(stop).setId("quit-stop");
        alert.getDialogPane().lookupButton(keep).setId("quit-keep");
        ButtonType answer = alert.showAndWait().orElse(keep);
        return answer == finish ? QuitModel.Choice.FINISH : answer == stop ? QuitModel.Choice.STOP : QuitModel.Choice.KEEP_RUNNING;
    }

    static void about(Window owner) {
        NativeLibraryStatus nativeStatus = NativeLibraryStatus.check();
        var grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.addRow(0, new Label("Version"), new Label(VersionInfo.app()));
        grid.addRow(1, new Label("Zerobus Ingest SDK"), new Label(VersionInfo.zerobusSdk()));
        grid.addRow(2, new Label("Native library"), new Label(nativeStatus.detail()));
        grid.addRow(3, new Label("databricks-sdk-java"), new Label(VersionInfo.databricksSdk()));
        grid.addRow(4, new Label("Delta Kernel"), new Label(VersionInfo.deltaKernel()));
        grid.addRow(5, new Label("JavaFX runtime"), new Label(System.getProperty("javafx.runtime.version", VersionInfo.javafx())));
        grid.addRow(6, new Label("Java"), new Label(Runtime.version() + " (" + System.getProperty("java.vendor") + ")"));
        grid.setId("about-grid");
        var alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About Zerobus Ingest Console");
        alert.setHeaderText("Zerobus Ingest Console " + VersionInfo.app());
        var icon = Dialogs.class.getResource("/dev/zerobus/console/icons/app-64.png");
        if (icon != null) alert.setGraphic(new ImageView(icon.toExternalForm()));
        alert.getDialogPane().setContent(grid);
        alert.show();
    }
}
