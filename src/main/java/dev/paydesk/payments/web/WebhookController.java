package dev.paydesk.payments.web;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.payments.Provider;
import dev.paydesk.payments.internal.InvalidSignatureException;
import dev.paydesk.payments.internal.WebhookReceiver;
import dev.paydesk.payments.internal.WebhookRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signed PSP webhooks at {@code /webhooks/<provider>/<account>}. Public (the signature is the
 * authentication); acknowledged only after the events are committed; a bad signature is 401.
 */
@RestController
@Hidden
class WebhookController {

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping(path = "/webhooks/{provider}/{account}")
    ResponseEntity<?> receive(@PathVariable String provider, @PathVariable String account,
                              @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Provider p = Provider.parse(provider);
        WebhookReceiver.Receipt receipt = receiver.receive(p, account,
                new WebhookRequest(body == null ? new byte[0] : body, headers(request)));
        if (p == Provider.ADYEN) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("[accepted]");
        }
        return ResponseEntity.ok(receipt);
    }

    @ExceptionHandler(InvalidSignatureException.class)
    ResponseEntity<ProblemDetail> invalidSignature(InvalidSignatureException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Invalid webhook signature");
        problem.setType(URI.create("https://paydesk.dev/problems/invalid-signature"));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }
}
