package dev.spillway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.spillway.api.BatchStream;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs small test classes with the leak check switched on (as every module's tests have it) and looks at what failed. */
class SessionLeakCheckTest {
    @Test
    void failsATestThatLeavesItsSessionOpen() {
        assertThat(run(LeavesSessionOpen.class)).containsExactly("leaves: session leak", "LeavesSessionOpen: ok");
        assertThat(Session.openSessions()).as("the check closes what it reports").isEmpty();
    }

    @Test
    void failsATestThatLeavesMemoryInASharedSession() {
        assertThat(run(LeavesABatchOpen.class)).containsExactly("leaksABatch: session leak", "cleanTestAfterwards: ok", "LeavesABatchOpen: ok");
    }

    @Test
    void failsAClassThatLeavesItsSharedSessionOpen() {
        assertThat(run(LeavesSharedSessionOpen.class)).containsExactly("usesTheSharedSession: ok", "LeavesSharedSessionOpen: session leak");
        assertThat(Session.openSessions()).isEmpty();
    }

    @Test
    void passesTestsThatCloseWhatTheyOpen() {
        assertThat(run(ClosesEverything.class)).containsExactly("closes: ok", "ClosesEverything: ok");
    }

    /** Runs the class's tests; one line per finished test, then one for the class: "name: ok" or "name: message prefix". */
    private static List<String> run(Class<?> testClass) {
        List<String> outcomes = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                        boolean isTheClass = identifier.getSource().orElse(null) instanceof ClassSource source
                                && source.getJavaClass() == testClass;
                        if (!identifier.isTest() && !isTheClass) {
                            return;
                        }
                        String name = isTheClass ? testClass.getSimpleName() : identifier.getDisplayName().replace("()", "");
                        outcomes.add(name + ": " + result.getThrowable()
                                .map(failure -> failure.getMessage().startsWith("session leak") ? "session leak" : failure.toString())
                                .orElse("ok"));
                    }
                });
        return outcomes;
    }

    static class LeavesSessionOpen {
        @Test
        void leaves() {
            Spillway.open(ExecutionConfig.defaults());
        }
    }

    static class LeavesABatchOpen {
        static Session shared;
        static BatchStream stream;
        static Batch leaked;

        @BeforeAll
        static void open() {
            shared = Spillway.open(ExecutionConfig.defaults());
        }

        @AfterAll
        static void close() {
            shared.close();
        }

        @Test
        void leaksABatch() {
            stream = shared.range(10).stream();
            leaked = stream.next();
        }

        @Test
        void cleanTestAfterwards() {
            leaked.close();
            stream.close();
        }
    }

    static class LeavesSharedSessionOpen {
        static Session shared;

        @BeforeAll
        static void open() {
            shared = Spillway.open(ExecutionConfig.defaults());
        }

        @Test
        void usesTheSharedSession() {
            assertThat(shared.range(5).count()).isEqualTo(5);
        }
    }

    static class ClosesEverything {
        @Test
        void closes() {
            try (Session session = Spillway.open(ExecutionConfig.defaults())) {
                assertThat(session.range(5).count()).isEqualTo(5);
            }
        }
    }
}
