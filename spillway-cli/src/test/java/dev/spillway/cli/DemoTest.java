package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spillway demo} at a small scale factor: generates once, then runs the showcase queries with timings. */
class DemoTest {
    @Test
    void generatesTheDataOnceAndRunsTheShowcase(@TempDir Path temp) throws IOException {
        CliRun.Result first = cli().run("demo", "--scale-factor", "0.01", "--temp-dir", temp.toString());
        assertThat(first.exitCode()).as("stderr: %s", first.stderr()).isZero();
        Path data = temp.resolve("spillway-tpch-sf0.01");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".parquet")))
                    .containsExactlyInAnyOrder("region.parquet", "nation.parquet", "supplier.parquet", "customer.parquet", "part.parquet",
                            "partsupp.parquet", "orders.parquet", "lineitem.parquet");
        }
        assertThat(first.stderr()).contains("generating TPC-H SF 0.01", "lineitem.parquet done (8/8", "generated TPC-H SF 0.01 in");
        assertThat(first.stdout()).contains("Q1 (", "│ A            │ F            │", "Q1 took ", "Q5 (", "│ n_name", "Q5 took ");

        CliRun.Result second = cli().run("--format", "csv", "demo", "--scale-factor", "0.01", "--temp-dir", temp.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.stderr()).as("nothing is generated again").isEmpty();
        assertThat(second.stdout()).contains("l_returnflag,l_linestatus,sum_qty", "n_name,revenue");
    }
}
