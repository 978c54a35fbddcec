package dev.paydesk.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** OpenAPI description of {@code /api/v1}: personal API tokens as bearer authentication. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI paydeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Paydesk API").version("v1")
                        .description("Back office for payment operations. Errors are RFC 9457 problem+json.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal API token (pd_...) from Account → API tokens")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
