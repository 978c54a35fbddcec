package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.jaxb.JaxbConfigurationService;

/**
 * Issue 21 #2: the first holiday lookup on a worker thread must not break the library for good. Jollyday keeps
 * its service lookup in static state, so each case loads the library and {@link HolidayLibrary} afresh in their
 * own class loader (child first), as the fat jar's launcher does, and makes the first lookup on a thread whose
 * context class loader is null or a loader that cannot see the library (as a ForkJoin common-pool thread's
 * system loader cannot see the fat jar's nested jars); then lookups on the main thread must work too.
 */
class HolidayLibraryTests {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theFirstLookupOnAWorkerThreadWithAForeignContextLoaderWorksAndLaterLookupsToo(boolean nullContextLoader)
            throws Exception {
        try (FreshLibraryLoader fresh = new FreshLibraryLoader()) {
            Class<?> library = fresh.loadClass(HolidayLibrary.class.getName());
            Method lookup = library.getMethod("publicHolidays", String.class, int.class);
            AtomicReference<Object> created = new AtomicReference<>();
            AtomicReference<Map<Object, Object>> onWorker = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    Constructor<?> constructor = library.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    created.set(constructor.newInstance());
                    onWorker.set(asMap(lookup.invoke(created.get(), "DE", 2026)));
                } catch (ReflectiveOperationException e) {
                    failure.set(e.getCause() == null ? e : e.getCause());
                }
            });
            worker.setContextClassLoader(nullContextLoader ? null : ClassLoader.getPlatformClassLoader());
            worker.start();
            worker.join();

            assertThat(failure.get()).isNull();
            assertThat(onWorker.get()).containsKey(LocalDate.of(2026, 12, 25));
            Map<Object, Object> french = asMap(lookup.invoke(created.get(), "FR", 2026));
            assertThat(french).containsKey(LocalDate.of(2026, 7, 14));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asMap(Object result) {
        return (Map<Object, Object>) result;
    }

    /** Loads Jollyday and HolidayLibrary itself, everything else from the test's class loader. */
    private static final class FreshLibraryLoader extends URLClassLoader {

        FreshLibraryLoader() {
            super(new URL[] {codeSource(HolidayLibrary.class), codeSource(HolidayManager.class),
                    codeSource(JaxbConfigurationService.class)}, HolidayLibraryTests.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("de.focus_shift.jollyday.") && !name.equals(HolidayLibrary.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                @Nullable Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

        private static URL codeSource(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }
    }
}
