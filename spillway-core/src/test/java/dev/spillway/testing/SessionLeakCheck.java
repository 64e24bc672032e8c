package dev.spillway.testing;

import dev.spillway.api.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a {@link Session} open, or leaves memory allocated in any open session.
 *
 * <p>Registered for every test of every module without being named: core's test resources hold the
 * {@code META-INF/services} entry and {@code junit-platform.properties} turning on extension
 * autodetection (both travel in core's test-jar, which every module's tests use), and the parent pom
 * passes the same switch to surefire.
 *
 * <p>Sessions are found through {@link Session#openSessions()}. A session opened by a test method (or
 * its {@code @BeforeEach}) must be closed by the end of its {@code @AfterEach}; one opened in
 * {@code @BeforeAll} by the end of {@code @AfterAll}. A session shared by the tests of a class may stay
 * open between them, but must hold no memory after each test: every query closes what it allocated
 * before returning, so bytes still in use are a leak. A leaked session is closed here so that one leak
 * does not fail every following test. Assumes tests of one JVM run one at a time (surefire's default).
 */
public final class SessionLeakCheck implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SessionLeakCheck.class);
    private static final String OPEN_BEFORE = "sessions open before";

    @Override
    public void beforeAll(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = new ArrayList<>(closeSessionsOpenedSince(context));
        for (Session session : Session.openSessions()) {
            long used = session.memoryPool().used();
            if (used != 0) {
                problems.add(session + " still holds " + used + " bytes after the test: " + session.memoryPool().consumers()
                        + "\n  " + openedAt(session));
            }
        }
        fail(context, problems);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        fail(context, closeSessionsOpenedSince(context));
    }

    private static void remember(ExtensionContext context) {
        Set<Session> open = new HashSet<>(Session.openSessions());
        context.getStore(NAMESPACE).put(OPEN_BEFORE, open);
    }

    /** Closes (and describes) the sessions opened since {@link #remember} that are still open. */
    private static List<String> closeSessionsOpenedSince(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Session> before = (Set<Session>) context.getStore(NAMESPACE).get(OPEN_BEFORE, Set.class);
        List<String> problems = new ArrayList<>();
        for (Session session : Session.openSessions()) {
            if (before != null && before.contains(session)) {
                continue;
            }
            String description = session + " was left open\n  " + openedAt(session);
            try {
                session.close();
            } catch (RuntimeException e) {
                description += "\n  and closing it failed: " + e.getMessage();
            }
            problems.add(description);
        }
        return problems;
    }

    private static String openedAt(Session session) {
        return "opened at " + Arrays.stream(session.openedAt())
                .filter(frame -> !frame.getClassName().startsWith("dev.spillway.api."))
                .limit(6)
                .map(StackTraceElement::toString)
                .collect(Collectors.joining("\n    "));
    }

    private static void fail(ExtensionContext context, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("session leak in " + context.getDisplayName() + ":\n" + String.join("\n", problems));
        }
    }
}
