package dev.spillway.bench.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.engine.EngineSetup;
import dev.spillway.bench.rss.RunRss;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {
    @Test
    void requestsSurviveTheirOneLineEncoding() {
        String sql = "SELECT 'a b'\nFROM t -- comment; with ünïcode\nORDER BY 1";
        WorkerProtocol.Request run = new WorkerProtocol.Request.Run(sql, Optional.of(Path.of("/tmp/with space/answer")));
        assertThat(run.encode()).doesNotContain("\n");
        assertThat(WorkerProtocol.Request.parse(run.encode())).isEqualTo(run);
        WorkerProtocol.Request noCapture = new WorkerProtocol.Request.Run("SELECT 1", Optional.empty());
        assertThat(WorkerProtocol.Request.parse(noCapture.encode())).isEqualTo(noCapture);
        assertThat(WorkerProtocol.Request.parse("QUIT")).isEqualTo(new WorkerProtocol.Request.Quit());
    }

    @Test
    void messagesSurviveTheirEncodingAndOtherLinesAreNotMessages() {
        List<WorkerProtocol.Message> messages = List.of(
                new WorkerProtocol.Message.Ready("v2.0.0 (abc)", "", -1),
                new WorkerProtocol.Message.Done(123_456_789L, 42, -77, new RunRss(100L << 20, 1L << 30)),
                new WorkerProtocol.Message.Done(1, 0, 0, RunRss.UNKNOWN),
                new WorkerProtocol.Message.Failure("table \"x\" not found\nat line 2"));
        for (WorkerProtocol.Message message : messages) {
            assertThat(message.encode()).startsWith("@@bench ").doesNotContain("\n");
            assertThat(WorkerProtocol.Message.parse(message.encode())).contains(message);
        }
        assertThat(WorkerProtocol.Message.parse("SLF4J: no providers")).isEmpty();
        assertThatThrownBy(() -> WorkerProtocol.Message.parse("@@bench DONE 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workerSpecsSurviveTheCommandLine() {
        EngineSetup setup = new EngineSetup(
                List.of(new EngineSetup.ParquetTable("lineitem", Path.of("/data/sf 1/lineitem.parquet")),
                        new EngineSetup.ParquetTable("orders", Path.of("/data/a=b/orders.parquet"))),
                2, Optional.of("4GB"), Path.of("/tmp/spill"), Path.of("/tmp/output"));
        WorkerSpec spec = new WorkerSpec(EngineKind.DUCKDB, setup);
        assertThat(WorkerSpec.fromArguments(spec.toArguments())).isEqualTo(spec);
        WorkerSpec noLimit = new WorkerSpec(EngineKind.SPILLWAY, new EngineSetup(List.of(), 1, Optional.empty(), Path.of("/t"), Path.of("/o")));
        assertThat(WorkerSpec.fromArguments(noLimit.toArguments())).isEqualTo(noLimit);
    }

    @Test
    void viewsAreDefinedWithTheSameSqlForBothEngines() {
        EngineSetup.ParquetTable table = new EngineSetup.ParquetTable("nation", Path.of("/data/it's/nation.parquet"));
        assertThat(table.createViewSql()).isEqualTo("CREATE VIEW nation AS SELECT * FROM read_parquet('/data/it''s/nation.parquet')");
    }
}
