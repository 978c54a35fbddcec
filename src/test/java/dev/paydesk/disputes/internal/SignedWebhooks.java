package dev.paydesk.disputes.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sends provider webhooks to the running application signed as each provider documents it, with the
 * test-only secrets of {@code application-test.properties} (Stripe-Signature v1, Adyen item HMAC, PayPal
 * SHA256withRSA over id|time|webhook id|crc32, Klarna HMAC of the body).
 */
final class SignedWebhooks {

    static final String ADYEN_ACCOUNT_CODE = "PaydeskTestECOM";

    private final MockMvc mvc;

    SignedWebhooks(MockMvc mvc) {
        this.mvc = mvc;
    }

    void stripe(String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        String sig = HexFormat.of().formatHex(hmac("whsec_paydesk_test_secret".getBytes(StandardCharsets.UTF_8),
                t + "." + body));
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Stripe-Signature", "t=" + t + ",v1=" + sig)).andExpect(status().isOk());
    }

    void adyen(String... items) throws Exception {
        String body = "{\"live\": \"false\", \"notificationItems\": [" + String.join(",", items) + "]}";
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    /** One Adyen NotificationRequestItem with its hmacSignature over the documented colon-joined fields. */
    static String adyenItem(String psp, String original, String order, long value, String code, String eventDate,
                            String additional) {
        String signed = String.join(":", psp, original, ADYEN_ACCOUNT_CODE, order, Long.toString(value), "EUR", code,
                "true");
        String signature = Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(
                "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"), signed));
        return """
                {"NotificationRequestItem": {
                  "additionalData": {"hmacSignature": "%s"%s},
                  "amount": {"currency": "EUR", "value": %d}, "eventCode": "%s", "eventDate": "%s",
                  "merchantAccountCode": "%s", "merchantReference": "%s", "originalReference": "%s",
                  "paymentMethod": "mc", "pspReference": "%s", "reason": "", "success": "true"}}"""
                .formatted(signature, additional.isEmpty() ? "" : ", " + additional, value, code, eventDate,
                        ADYEN_ACCOUNT_CODE, order, original, psp);
    }

    void paypal(String body) throws Exception {
        String id = UUID.randomUUID().toString();
        String time = Instant.now().toString();
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String pem = Files.readString(Path.of("src/test/resources/payments/paypal-test-key.pk8.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
        rsa.update((id + "|" + time + "|WH-PAYDESK-TEST-1|" + crc.getValue()).getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/webhooks/paypal/paypal-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("PAYPAL-TRANSMISSION-ID", id).header("PAYPAL-TRANSMISSION-TIME", time)
                .header("PAYPAL-TRANSMISSION-SIG", Base64.getEncoder().encodeToString(rsa.sign()))
                .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")).andExpect(status().isOk());
    }

    void klarna(String body) throws Exception {
        String sig = HexFormat.of().formatHex(hmac("klarna-paydesk-test-signing-key".getBytes(StandardCharsets.UTF_8), body));
        mvc.perform(post("/webhooks/klarna/klarna-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Klarna-Signature", sig)).andExpect(status().isOk());
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
