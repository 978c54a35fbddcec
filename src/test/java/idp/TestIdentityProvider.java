package idp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID Connect provider (Spring Authorization Server) run in-process on a random port of
 * {@code localhost}, for the single sign-on tests (outside {@code dev.paydesk}, so the application
 * never scans it). Every username signs in with {@link #PASSWORD};
 * its {@code groups} claim follows the name's prefix ({@code ops-} → {@code paydesk-ops-de},
 * {@code admin-} → {@code paydesk-admins}, else {@code marketing}). {@link #mode} makes it issue one
 * bad ID token of a kind: another audience or issuer, expired, signed with a key it does not publish,
 * or carrying the nonce of an earlier sign-in. Its {@code amr} claim says whether the sign-in used
 * several factors ({@link #amr}).
 */
public final class TestIdentityProvider {

    public static final String PASSWORD = "idp-password";
    public static final String CLIENT_ID = "paydesk";
    public static final String CLIENT_SECRET = "paydesk-client-secret";

    /** What the provider does to the next ID tokens it issues. */
    public enum Mode { GOOD, WRONG_AUDIENCE, WRONG_ISSUER, EXPIRED, FOREIGN_SIGNATURE, REPLAYED_NONCE }

    public static volatile Mode mode = Mode.GOOD;
    private static volatile String lastNonce = "";
    private static AnnotationConfigServletWebServerApplicationContext context;

    private TestIdentityProvider() {
    }

    /** Starts the provider once per JVM; returns its issuer, e.g. {@code http://localhost:41234}. */
    public static synchronized String issuer() {
        if (context == null) {
            context = new AnnotationConfigServletWebServerApplicationContext(Provider.class);
        }
        return "http://localhost:" + context.getWebServer().getPort();
    }

    public static List<String> groups(String username) {
        if (username.startsWith("ops-")) {
            return List.of("paydesk-ops-de", "everyone");
        }
        return username.startsWith("admin-") ? List.of("paydesk-admins", "everyone") : List.of("marketing", "everyone");
    }

    /**
     * The authentication methods the provider reports in the ID token's {@code amr} claim (RFC 8176
     * section 2): a name containing {@code -mfa} signed in with a password and a one-time code
     * ({@code pwd}, {@code otp}, {@code mfa}), any other with a password only ({@code pwd}).
     */
    public static List<String> amr(String username) {
        return username.contains("-mfa") ? List.of("pwd", "otp", "mfa") : List.of("pwd");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Provider {

        private static final RSAKey PUBLISHED = rsaKey();
        private static final RSAKey FOREIGN = rsaKey();

        @Bean
        TomcatServletWebServerFactory webServer() {
            return new TomcatServletWebServerFactory(0);
        }

        /** Every endpoint is a security filter; Tomcat runs filters only for a request a servlet is mapped to. */
        @Bean
        jakarta.servlet.Servlet notFound() {
            return new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void service(jakarta.servlet.http.HttpServletRequest request,
                                       jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
                    response.sendError(404);
                }
            };
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return username -> User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId("paydesk").clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    // a loopback redirect: the port may vary (RFC 8252, section 7.3)
                    .redirectUri("http://127.0.0.1/login/oauth2/code/corp")
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        JWKSource<SecurityContext> publishedKeys() {
            return new ImmutableJWKSet<>(new JWKSet(PUBLISHED));
        }

        /** For the provider's own user-info endpoint. */
        @Bean
        JwtDecoder accessTokens() throws com.nimbusds.jose.JOSEException {
            return NimbusJwtDecoder.withPublicKey(PUBLISHED.toRSAPublicKey()).build();
        }

        @Bean
        JwtEncoder tokens(JWKSource<SecurityContext> published) {
            NimbusJwtEncoder genuine = new NimbusJwtEncoder(published);
            NimbusJwtEncoder forged = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(FOREIGN)));
            return parameters -> (mode == Mode.FOREIGN_SIGNATURE ? forged : genuine).encode(parameters);
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String username = context.getPrincipal().getName();
                var claims = context.getClaims().claim("groups", groups(username))
                        .claim("preferred_username", username).claim("email", username + "@corp.example")
                        .claim("name", "Test " + username)
                        .claim("amr", amr(username));
                Instant now = Instant.now();
                switch (mode) {
                    case WRONG_AUDIENCE -> claims.audience(List.of("another-application"));
                    case WRONG_ISSUER -> claims.issuer("http://issuer.invalid");
                    case EXPIRED -> claims.issuedAt(now.minus(Duration.ofMinutes(30))).expiresAt(now.minus(Duration.ofMinutes(20)));
                    case REPLAYED_NONCE -> claims.claim("nonce", lastNonce);
                    case GOOD, FOREIGN_SIGNATURE -> claims.claims(c -> lastNonce = String.valueOf(c.get("nonce")));
                }
            };
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        private static RSAKey rsaKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                // both keys carry the same id: a token signed with the foreign one names the published key
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID("idp-signing-key").build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
