package dev.paydesk.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Upload sizes per path. The servlet's multipart limits ({@code spring.servlet.multipart.*}) are
 * set for the largest uploads Paydesk takes, provider settlement reports of hundreds of MB, which are
 * written to disk part by part and streamed into the import; every other multipart request (case
 * attachments, dispute evidence, the case CSV) is held to {@code paydesk.uploads.max-size} here,
 * before the multipart body is read: 413 when the declared length is above it. An upload without a
 * declared length (chunked) is bounded only by the servlet's multipart limits.
 */
class UploadLimitFilter extends OncePerRequestFilter {

    private final long maxSize;
    private final List<String> largePaths;

    UploadLimitFilter(long maxSize, List<String> largePaths) {
        this.maxSize = maxSize;
        this.largePaths = List.copyOf(largePaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return largePaths.stream().anyMatch(path::equals);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxSize) {
            problem(response, 413, "Payload too large", "an upload here may be at most " + DataSize.ofBytes(maxSize)
                    .toMegabytes() + " MB");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Registered early, before security and MVC read the body. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
                @Value("${paydesk.uploads.max-size:10MB}") DataSize maxSize,
                @Value("${paydesk.uploads.large-paths:/payments/imports}") List<String> largePaths) {
            FilterRegistrationBean<UploadLimitFilter> bean = new FilterRegistrationBean<>(
                    new UploadLimitFilter(maxSize.toBytes(), largePaths));
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            bean.setName("paydeskUploadLimit");
            return bean;
        }
    }
}
