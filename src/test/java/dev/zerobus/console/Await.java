package dev.zerobus.console;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline (polling), for tests without the FX toolkit: never a fixed sleep. */
public final class Await {
    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            Thread.sleep(10);
        }
    }
}
