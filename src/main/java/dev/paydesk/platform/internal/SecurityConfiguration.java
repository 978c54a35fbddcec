package dev.paydesk.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: {@code /api/**} and {@code /actuator/**} authenticate personal API tokens
 * (stateless, errors as problem+json); everything else is the browser UI with form login, sessions
 * and CSRF. Only the health check, the login page, static assets and, later, signed webhooks and
 * customer links are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * No observation (tracing span and timer) around each of the ~15 security filters of every request:
     * the load bench's profile found the wrappers among the most frequent frames of a request, and the
     * request itself is still measured ({@code http.server.requests} on {@code /actuator/prometheus}).
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Signed PSP webhooks: public, stateless, no CSRF — the provider's signature is verified by the
     * payments module. Its webhook endpoint is a servlet filter ordered before this chain that answers
     * {@code /webhooks/*} itself; this chain keeps the path public should a request ever reach it.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Authentication required",
                                "Send a personal API token as 'Authorization: Bearer pd_...'.", req.getRequestURI()))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden",
                                ex.getMessage() == null ? "Your roles or markets do not allow this." : ex.getMessage(),
                                req.getRequestURI())))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    /** Password sign-in with progressive delays and lockouts (the only authentication provider). */
    @Bean
    AuthenticationProvider throttledPasswordAuthentication(UserService users, PasswordEncoder encoder,
                                                           LoginThrottle throttle,
                                                           @Value("${paydesk.security.password-login:true}")
                                                           boolean passwordLogin) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle, passwordLogin);
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, UserService users,
                                ObjectProvider<ClientRegistrationRepository> identityProviders,
                                SingleSignOn sso, SecondFactors factors, java.time.Clock clock,
                                Passkeys.Settings passkeys, dev.paydesk.platform.AuditLog audit,
                                @Value("${paydesk.security.second-factor.sso-mfa-amr:mfa}") List<String> ssoMfaAmr,
                                @Value("${paydesk.security.second-factor.sso-mfa-acr:}") List<String> ssoMfaAcr,
                                @Value("${paydesk.security.session.absolute-timeout:12h}")
                                java.time.Duration absoluteTimeout) throws Exception {
        SecondFactorGate secondFactor = new SecondFactorGate(factors);
        if (identityProviders.getIfAvailable() != null) {
            SsoLogin login = new SsoLogin(sso, factors, new SsoLogin.Assurance(Set.copyOf(ssoMfaAmr), Set.copyOf(ssoMfaAcr)));
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(login.userService()))
                    .successHandler(login.successHandler())
                    .failureHandler(login.failureHandler())
                    .permitAll());
        }
        if (passkeys.enabled()) {
            PasskeyLogin passkeyLogin = new PasskeyLogin(users, audit);
            http.webAuthn(webAuthn -> webAuthn.rpId(passkeys.rpId()).rpName(passkeys.rpName())
                    .allowedOrigins(passkeys.allowedOrigins())
                    .disableDefaultRegistrationPage(true)
                    .creationOptionsRepository(new PasskeyCreationOptions(clock))
                    .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                        @Override
                        public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationSuccessHandler(passkeyLogin.successHandler());
                            filter.setAuthenticationFailureHandler(passkeyLogin.failureHandler());
                            return filter;
                        }
                    }));
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/login/webauthn", "/webauthn/authenticate/options", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/csat/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactor.successHandler()).permitAll()
                        .failureHandler(new ExceptionMappingAuthenticationFailureHandler() {
                            {
                                setDefaultFailureUrl("/login?error");
                                setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked",
                                        ThrottledAuthenticationProvider.PasswordSignInOffException.class.getName(),
                                        "/login?sso-only"));
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new SessionUserRecheckFilter(users), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionLifetimeFilter(absoluteTimeout, clock), SessionUserRecheckFilter.class)
                .addFilterAfter(secondFactor, SessionLifetimeFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(), SecondFactorGate.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
