package org.opencdp.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one suite for all end-to-end test classes of the run and hands it to them as an {@link E2eSuite}
 * parameter. The suite lives in the root context's store, which JUnit closes when the last test has run, whether
 * the tests passed or failed. A failed start is remembered, so every later class fails at once with its reason
 * instead of trying again.
 */
public final class LocalSuiteExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalSuiteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        suite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == E2eSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    private static E2eSuite suite(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(StartAttempt.class, key -> StartAttempt.make(), StartAttempt.class)
                .suite();
    }

    /** The suite, or why it could not be started. Closed by JUnit with the root context. */
    private record StartAttempt(E2eSuite started, RuntimeException failure) implements AutoCloseable {

        static StartAttempt make() {
            try {
                return new StartAttempt(E2eSuite.start(), null);
            } catch (RuntimeException e) {
                return new StartAttempt(null, e);
            }
        }

        E2eSuite suite() {
            if (failure != null) {
                throw new IllegalStateException("the end-to-end suite did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
