package dev.paydesk.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link InputGuard} for request parameters of every controller. */
@Configuration(proxyBeanMethods = false)
class InputGuardConfiguration implements WebMvcConfigurer {

    private final InputGuard guard;

    InputGuardConfiguration(InputGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard);
    }
}
