package dev.spillway.bench.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 9876544 kB
            VmSize:\t 9876540 kB
            VmHWM:\t  525568 kB
            VmRSS:\t   13564 kB
            RssAnon:\t    4000 kB
            Threads:\t42
            """;

    @Test
    void readsRssAndHighWaterMarkInBytes() {
        ProcStatus status = ProcStatus.parse(STATUS);
        assertThat(status.residentBytes()).isEqualTo(13564L * 1024);
        assertThat(status.peakResidentBytes()).isEqualTo(525568L * 1024);
    }

    @Test
    void aFieldNameMustMatchWholly() {
        // "VmRSS" must not be taken from "RssAnon" or a longer name.
        assertThat(ProcStatus.field("RssAnonymous:\t1 kB\nVmRSS:\t2 kB\n", "VmRSS")).hasValue(2048);
        assertThat(ProcStatus.field(STATUS, "VmSwap")).isEmpty();
    }

    @Test
    void missingFieldsAreAnError() {
        assertThatThrownBy(() -> ProcStatus.parse("Name:\tjava\nVmRSS:\t1 kB\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
