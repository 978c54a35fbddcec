package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Survey tokens: only an intact, unexpired token signed with the installation's key is accepted. */
class CsatLinksTests {

    private final CsatLinks links = new CsatLinks("secret-one".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2026-11-29T12:00:00Z");
    private final CsatLinks.Claims claims = new CsatLinks.Claims(UUID.randomUUID(), "abc123", now.plus(Duration.ofDays(14)));

    @Test
    void aFreshTokenVerifiesToItsClaims() {
        assertThat(links.verify(links.sign(claims), now)).contains(claims);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = links.sign(claims);
        assertThat(links.verify(token, claims.expiresAt().minusSeconds(1))).isPresent();
        assertThat(links.verify(token, claims.expiresAt())).isEmpty();
    }

    @Test
    void aTamperedPayloadOrSignatureIsRefused() {
        String token = links.sign(claims);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        // extend the expiry by rewriting the payload and keeping the old signature
        String longer = claims.caseId() + ":" + claims.nonce() + ":" + claims.expiresAt().plus(Duration.ofDays(365)).getEpochSecond();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(longer.getBytes(StandardCharsets.UTF_8));
        assertThat(links.verify(forged + "." + signature, now)).isEmpty();
        char flipped = signature.charAt(0) == 'A' ? 'B' : 'A';
        assertThat(links.verify(payload + "." + flipped + signature.substring(1), now)).isEmpty();
        assertThat(links.verify(payload, now)).isEmpty();
        assertThat(links.verify("not-a-token.at-all", now)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        CsatLinks other = new CsatLinks("secret-two".getBytes(StandardCharsets.UTF_8));
        assertThat(links.verify(other.sign(claims), now)).isEmpty();
    }
}
