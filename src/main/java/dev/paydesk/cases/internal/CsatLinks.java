package dev.paydesk.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed survey tokens: {@code base64url(caseId:nonce:expiresEpochSeconds).base64url(HMAC-SHA256)}. A
 * token is valid only with an intact signature, before its expiry, and while its nonce is the one
 * stored for the case (a new survey replaces the old link).
 */
final class CsatLinks {

    private final byte[] secret;

    CsatLinks(byte[] secret) {
        this.secret = secret.clone();
    }

    record Claims(UUID caseId, String nonce, Instant expiresAt) {
    }

    String sign(Claims claims) {
        String payload = claims.caseId() + ":" + claims.nonce() + ":" + claims.expiresAt().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /** The claims of an authentic, unexpired token. */
    Optional<Claims> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            String payload = new String(b64.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = b64.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split(":");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Claims claims = new Claims(UUID.fromString(parts[0]), parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return now.isBefore(claims.expiresAt()) ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
