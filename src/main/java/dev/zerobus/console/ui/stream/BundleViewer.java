package dev.zerobus.console.ui.stream;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A saved session bundle, read-only: one tab per file. */
final class BundleViewer {
    private BundleViewer() {}

    static Dialog<Void> show(Window owner, SessionFiles.OpenedBundle bundle) {
        var tabs = new TabPane();
        tabs.setId("bundle-viewer");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bundle.entries().forEach((name, text) -> {
            var area = new TextArea(text.isEmpty() ? "(empty)" : text);
            area.setEditable(false);
            area.setId("bundle-" + name.replace('.', '-'));
            area.getStyleClass().add("mono");
            tabs.getTabs().add(new Tab(name, area));
        });
        tabs.setPrefSize(820, 520);
        var dialog = new Dialog<Void>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Session bundle: " + bundle.file().getFileName() + " (read-only)");
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }
}
