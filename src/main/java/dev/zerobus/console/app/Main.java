package dev.zerobus.console.app;

import dev.zerobus.console.cli.ConsoleCommand;
import picocli.CommandLine;

/** Entry point: the desktop console by default, or a headless subcommand ({@code sandbox}, ...). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0 || args.length > 0) System.exit(exit);
    }

    static CommandLine commandLine() {
        return new CommandLine(new ConsoleCommand(() -> {
            ConsoleApplication.launchAndWait();
            return 0;
        }));
    }
}
