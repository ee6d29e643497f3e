package dev.zerobus.console.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RatePacerTest {
    /** A clock that only moves when the pacer sleeps (or the test says so). */
    static final class FakeTime {
        long nanos = 1_000_000_000L;
        long slept;

        void sleep(long duration) {
            nanos += duration;
            slept += duration;
        }
    }

    @Test
    void holdsTheTargetRateExactlyOnAFakeClock() throws InterruptedException {
        FakeTime time = new FakeTime();
        RatePacer pacer = new RatePacer(2000, Duration.ofMillis(200), () -> time.nanos, time::sleep);

        for (int i = 0; i < 4000; i++) assertThat(pacer.acquire(1)).isTrue();

        // 4000 records at 2000/s: the first goes at once, the last 3999/2000 s later.
        assertThat(time.slept).isEqualTo(TimeUnit.MICROSECONDS.toNanos(1_999_500));
    }

    @Test
    void countsBatchesAsTheirRecords() throws InterruptedException {
        FakeTime time = new FakeTime();
        RatePacer pacer = new RatePacer(1000, Duration.ofMillis(200), () -> time.nanos, time::sleep);

        for (int i = 0; i < 11; i++) pacer.acquire(100);

        assertThat(time.slept).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void catchesUpAfterAStallForOneWindowAtMost() throws InterruptedException {
        FakeTime time = new FakeTime();
        RatePacer pacer = new RatePacer(1000, Duration.ofMillis(200), () -> time.nanos, time::sleep);
        pacer.acquire(1);
        time.nanos += TimeUnit.SECONDS.toNanos(5);

        for (int i = 0; i < 200; i++) pacer.acquire(1);
        long sleptInBurst = time.slept;
        pacer.acquire(1);
        pacer.acquire(1);

        assertThat(sleptInBurst).isZero();
        assertThat(time.slept).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Test
    void stopsWaitingOnceCancelled() throws InterruptedException {
        FakeTime time = new FakeTime();
        RatePacer[] pacer = new RatePacer[1];
        pacer[0] = new RatePacer(1, Duration.ofMillis(200), () -> time.nanos, nanos -> {
            time.sleep(nanos);
            pacer[0].cancel();
        });
        assertThat(pacer[0].acquire(1)).isTrue();

        assertThat(pacer[0].acquire(1)).isFalse();
        assertThat(time.slept).isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(pacer[0].acquire(1)).isFalse();
    }
}
