package dev.paydesk.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem+json written by servlet filters (token filter, entry points, access-denied
 * handlers), in the shape {@code ApiProblemAdvice} gives controller errors: type, title, status,
 * detail, instance; always UTF-8.
 */
final class ProblemResponses {

    static final String TYPE_BASE = "https://paydesk.dev/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void write(HttpServletResponse res, HttpStatus status, String type, String title, String detail,
                      String path) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        byte[] body = JSON.writeValueAsBytes(problem);
        res.setStatus(status.value());
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
