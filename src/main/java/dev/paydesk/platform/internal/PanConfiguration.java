package dev.paydesk.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.PanBoundary;
import tools.jackson.databind.JacksonModule;

/**
 * The card-number boundary's wiring: the keyed-hash key (never in the database), the Jackson module
 * that redacts every string of every JSON body, and the request filter that redacts parameters,
 * form fields, multipart text and file names, path segments and the idempotency key.
 */
@Configuration(proxyBeanMethods = false)
class PanConfiguration {

    @Bean
    PanBoundary panBoundary(@Value("${paydesk.pan.hash-key:}") String configuredKey,
                            @Value("${paydesk.pan.hash-key-file:${user.home}/.paydesk/pan.key}") Path keyFile)
            throws IOException {
        if (!configuredKey.isBlank()) {
            return new PanBoundary(configuredKey.getBytes(StandardCharsets.UTF_8));
        }
        return new PanBoundary(keyFromFile(keyFile));
    }

    /** Reads the key file, or creates it (32 random bytes, hex, readable by the owner only) on first start. */
    static byte[] keyFromFile(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyFile, HexFormat.of().formatHex(fresh) + "\n");
            } catch (FileAlreadyExistsException raced) {
                // another node created it first: use theirs
            }
        }
        return Files.readString(keyFile).strip().getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    JacksonModule panRedactingModule(PanBoundary boundary) {
        return PanJacksonModule.create(boundary);
    }

    /** Before Spring Security, so the login form, the audit log and every controller see redacted input. */
    @Bean
    FilterRegistrationBean<PanRequestFilter> panRequestFilter(PanBoundary boundary) {
        FilterRegistrationBean<PanRequestFilter> bean = new FilterRegistrationBean<>(new PanRequestFilter(boundary));
        bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        bean.setName("paydeskPanBoundary");
        return bean;
    }
}
