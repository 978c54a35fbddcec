package dev.paydesk.payments.internal;

import java.lang.reflect.Proxy;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link JdbcClient} that takes every statement and reports one row changed, so that the file
 * imports' reading can run without a database (the fuzz tests).
 */
final class FakeJdbc {

    private FakeJdbc() {
    }

    static JdbcClient client() {
        return fake(JdbcClient.class);
    }

    private static <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (returns == int.class) {
                return 1;
            }
            if (method.getName().equals("toString")) {
                return "FakeJdbc";
            }
            if (returns.isInterface()) {
                return fake(returns);
            }
            throw new UnsupportedOperationException("FakeJdbc does not answer " + method);
        }));
    }
}
