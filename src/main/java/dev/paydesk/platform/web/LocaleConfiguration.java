package dev.paydesk.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The user's language: chosen with {@code ?lang=de} (the switch in the layout) and kept in a cookie for a
 * year; without a choice the browser's Accept-Language decides among the {@link #SUPPORTED} languages,
 * else English. Every module's templates read it through {@code #{...}} keys and {@code @fmt}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    /** Languages with a complete message bundle (messages.properties is English). */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("PAYDESK_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(true);
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocales()));
        return resolver;
    }

    static Locale supported(java.util.Enumeration<Locale> wanted) {
        while (wanted.hasMoreElements()) {
            Locale locale = wanted.nextElement();
            for (Locale s : SUPPORTED) {
                if (s.getLanguage().equals(locale.getLanguage())) {
                    return s;
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                return SUPPORTED.stream().filter(l -> l.getLanguage().equals(localeValue)).findFirst().orElse(null);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
