package dev.spillway.sql.calcite;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;

/**
 * Metadata handlers that know nothing: every question ({@code collations}, {@code rowCount}, ...) is
 * answered "unknown" (null).
 *
 * <p>Calcite's converter creates a metadata query for every Project and Filter it builds, to derive traits
 * the planner would use; Spillway runs no Calcite planner. The default handlers cost a second or more on the
 * first query of a process: reflection over every {@code RelMd*} class loads most of Calcite's physical
 * operators (and Janino-generated dispatch would compile code). Unknown answers make Calcite choose its
 * conservative paths, which is all a front end needs.
 */
final class NoMetadataHandlerProvider implements MetadataHandlerProvider {
    static final NoMetadataHandlerProvider INSTANCE = new NoMetadataHandlerProvider();

    private NoMetadataHandlerProvider() {}

    @Override
    public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
        Object proxy = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                (self, method, args) -> objectMethod(self, method, args));
        return handlerClass.cast(proxy);
    }

    private static Object objectMethod(Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> args != null && args.length == 1 && self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> "NoMetadataHandler";
            default -> null;
        };
    }
}
