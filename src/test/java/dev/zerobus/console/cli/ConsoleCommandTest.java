package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConsoleCommandTest {
    @Test
    void helpListsEveryHeadlessCommand() {
        var out = new StringWriter();
        int exit = new CommandLine(new ConsoleCommand(() -> 0)).setOut(new PrintWriter(out)).execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString().lines().map(String::strip))
                .anyMatch(l -> l.startsWith("check "))
                .anyMatch(l -> l.startsWith("proto "))
                .anyMatch(l -> l.startsWith("snippet "))
                .anyMatch(l -> l.startsWith("tables "))
                .anyMatch(l -> l.startsWith("sql "))
                .anyMatch(l -> l.startsWith("ingest "))
                .anyMatch(l -> l.startsWith("generate "))
                .anyMatch(l -> l.startsWith("sandbox "));
    }
}
