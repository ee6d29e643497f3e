package dev.zerobus.console.ui;

import dev.zerobus.console.Await;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The FX thread of a toolkit-free model test: the test's own thread. What a model hands to its {@code fx} executor
 * waits here until the test runs it with {@link #until} (as the FX thread would run it between pulses).
 */
public final class FxQueue implements Executor {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the queued tasks. */
    public void drain() {
        for (Runnable task; (task = tasks.poll()) != null; ) task.run();
    }

    /** Runs the queued tasks and {@code each} (a model's timer tick) until the condition holds, or fails. */
    public void until(Duration timeout, Runnable each, BooleanSupplier condition) throws InterruptedException {
        Await.until("the model's condition", timeout, () -> {
            drain();
            each.run();
            return condition.getAsBoolean();
        });
    }
}
