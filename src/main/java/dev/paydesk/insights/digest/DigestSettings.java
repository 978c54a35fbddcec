package dev.paydesk.insights.digest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Digest settings ({@code paydesk.insights.digest.*}, declared in application.properties). SMTP itself is
 * Spring's {@code spring.mail.*}; without {@code spring.mail.host} no digest is queued or sent.
 *
 * @param from sender address of digests and target e-mails
 * @param baseUrl Paydesk's public address, for the links in the e-mails
 * @param checkInterval how often the job looks for due digests and pending e-mails
 * @param maxAttempts failed sends of one e-mail before it is given up (status failed)
 */
@ConfigurationProperties("paydesk.insights.digest")
record DigestSettings(@DefaultValue("true") boolean enabled, @DefaultValue("insights@paydesk.local") String from,
                      @DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("PT5M") Duration checkInterval,
                      @DefaultValue("48") int maxAttempts) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DigestSettings.class)
    static class Enable {
    }
}
