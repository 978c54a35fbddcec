package dev.paydesk.platform.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

import dev.paydesk.platform.AuditLog;

/** Passkey storage in PostgreSQL; Spring Security's {@code http.webAuthn()} finds both repositories as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Passkeys.Settings.class)
class PasskeyConfiguration {

    @Bean
    Passkeys passkeys(JdbcOperations jdbc, AuditLog audit, UserService users) {
        return new Passkeys(jdbc, audit, users);
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(Passkeys passkeys) {
        return passkeys.userEntities();
    }
}
