package dev.paydesk.cases.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Wires the case desk's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CasesProperties.class)
class CasesConfiguration {
}
