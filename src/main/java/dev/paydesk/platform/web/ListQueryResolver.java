package dev.paydesk.platform.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.paydesk.shared.ListQuery;

/**
 * Lets any UI controller take a {@link ListQuery} argument read from {@code page, size, sort, dir, q} and
 * the other query parameters (the list's filters). Unreadable numbers fall back to defaults, so no paging
 * parameter can cause an error page.
 */
@Configuration(proxyBeanMethods = false)
class ListQueryResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final Set<String> OWN = Set.of("page", "size", "sort", "dir", "q", "lang", "_csrf");

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ListQuery.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
                                  NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!OWN.contains(name) && name.length() <= 40) {
                filters.put(name, Arrays.stream(values).filter(v -> !v.isBlank()).map(v -> v.length() > 200
                        ? v.substring(0, 200) : v).toList());
            }
        });
        filters.values().removeIf(List::isEmpty);
        ListQuery query = new ListQuery(number(request.getParameter("page"), 0),
                number(request.getParameter("size"), ListQuery.DEFAULT_SIZE), request.getParameter("sort"),
                "desc".equalsIgnoreCase(request.getParameter("dir")), trimmed(request.getParameter("q")), filters);
        if (mav != null) {
            mav.addAttribute("listQuery", query);
        }
        return query;
    }

    private static @Nullable String trimmed(@Nullable String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static int number(@Nullable String s, int fallback) {
        if (s == null || s.isBlank() || s.length() > 6) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
