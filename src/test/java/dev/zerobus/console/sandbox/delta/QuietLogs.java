package dev.zerobus.console.sandbox.delta;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The tests have no logback config of their own; Kernel, Parquet and Hadoop log per file at DEBUG by default. */
final class QuietLogs {
    private QuietLogs() {}

    static void apply() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        for (String noisy : new String[] {"io.delta", "org.apache"}) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }
}
