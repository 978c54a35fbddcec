package dev.paydesk.payments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs test payloads the way each provider documents it, with the test-only secrets from
 * {@code application-test.properties}: an independent implementation of the senders' side.
 */
public final class WebhookSigning {

    static final String STRIPE_SECRET = "whsec_paydesk_test_secret";
    static final String ADYEN_HEX_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    static final String PAYPAL_WEBHOOK_ID = "WH-PAYDESK-TEST-1";
    static final String KLARNA_KEY = "klarna-paydesk-test-signing-key";

    private WebhookSigning() {
    }

    public static String stripeHeader(String body, long unixTime) {
        return "t=" + unixTime + ",v1=" + HexFormat.of().formatHex(hmac(STRIPE_SECRET.getBytes(StandardCharsets.UTF_8),
                (unixTime + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Base64 HMAC over Adyen's colon-joined fields. */
    public static String adyenSignature(String psp, String original, String account, String merchantRef, long value,
                                 String currency, String eventCode, String success) {
        String data = String.join(":", psp, original, account, merchantRef, Long.toString(value), currency, eventCode,
                success);
        return Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(ADYEN_HEX_KEY),
                data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adyen tokenization webhooks: Base64 HMAC-SHA256 of the raw body (HmacSignature header). */
    public static String adyenBodySignature(String body) {
        return Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(ADYEN_HEX_KEY),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    public static String paypalSignature(String transmissionId, String time, String body) throws Exception {
        return paypalSignature(transmissionId, time, body, "src/test/resources/payments/paypal-test-key.pk8.pem");
    }

    public static String paypalSignature(String transmissionId, String time, String body, String keyFile) throws Exception {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String signed = transmissionId + "|" + time + "|" + PAYPAL_WEBHOOK_ID + "|" + crc.getValue();
        String pem = Files.readString(Path.of(keyFile))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signed.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    public static String klarnaHexSignature(String body) {
        return HexFormat.of().formatHex(hmac(KLARNA_KEY.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    public static String klarnaBase64Signature(String body) {
        return Base64.getEncoder().encodeToString(hmac(KLARNA_KEY.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
