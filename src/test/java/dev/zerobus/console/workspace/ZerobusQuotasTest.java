package dev.zerobus.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.workspace.ZerobusQuotas.Level;
import org.junit.jupiter.api.Test;

class ZerobusQuotasTest {
    @Test
    void levelsAt50And90And300PercentOfTheQuota() {
        assertThat(ZerobusQuotas.level(50_000, 100_000)).isEqualTo(Level.UNDER);
        assertThat(ZerobusQuotas.level(79_999, 100_000)).isEqualTo(Level.UNDER);
        assertThat(ZerobusQuotas.level(80_000, 100_000)).isEqualTo(Level.NEAR);
        assertThat(ZerobusQuotas.level(90_000, 100_000)).isEqualTo(Level.NEAR);
        assertThat(ZerobusQuotas.level(100_000, 100_000)).isEqualTo(Level.NEAR);
        assertThat(ZerobusQuotas.level(100_001, 100_000)).isEqualTo(Level.OVER);
        assertThat(ZerobusQuotas.level(300_000, 100_000)).isEqualTo(Level.OVER);
    }

    @Test
    void wordingAt50And90And300Percent() {
        long q = 20_000;
        assertThat(ZerobusQuotas.warning(10_000, 0, 1, q)).isNull();
        assertThat(ZerobusQuotas.warning(18_000, 0, 1, q))
                .isEqualTo("Near the quota: 90 % of 20,000 records/s per stream. Add streams or batch records before you reach it.");
        assertThat(ZerobusQuotas.warning(60_000, 0, 1, q)).isEqualTo("Over the quota: 60,000 records/s is 300 % of 20,000 records/s "
                + "per stream. The service may slow the stream down; add streams, batch records, or ask Databricks to raise the quota.");
        assertThat(ZerobusQuotas.warning(216_000, 0, 4, 20_000)).startsWith("Over the quota: 216,000 records/s is 270 % of 20,000 "
                + "records/s per stream x 4 streams.");
    }

    @Test
    void theRecordsQuotaBeatsANearBytesRateButNotAnOverOne() {
        assertThat(ZerobusQuotas.warning(90_000, 90_000_000, 1, 100_000)).startsWith("Near the quota: 90 % of 100,000 records/s");
        assertThat(ZerobusQuotas.warning(90_000, 200_000_000, 1, 100_000)).startsWith("Over the quota: 200 % of 100 MB/s");
    }

    @Test
    void parsesAQuotaAsTyped() {
        assertThat(ZerobusQuotas.parseRecordsQuota("100,000")).isEqualTo(100_000L);
        assertThat(ZerobusQuotas.parseRecordsQuota(" 15000 ")).isEqualTo(15_000L);
        assertThat(ZerobusQuotas.parseRecordsQuota("0")).isNull();
        assertThat(ZerobusQuotas.parseRecordsQuota("-5")).isNull();
        assertThat(ZerobusQuotas.parseRecordsQuota("fast")).isNull();
        assertThat(ZerobusQuotas.parseRecordsQuota("")).isNull();
    }
}
