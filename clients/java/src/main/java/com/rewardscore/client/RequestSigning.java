package com.rewardscore.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signatures, identical in every rewards-core client (vectors: tests/vectors/request_signing.json):
 *
 * <pre>
 * signing_key    = HMAC-SHA256(key = client secret (UTF-8), msg = "rewards-core request signing v1")
 * string_to_sign = full method name "\n" unix seconds "\n" nonce "\n" hex(SHA-256(request bytes))
 * signature      = hex(HMAC-SHA256(signing_key, string_to_sign))
 * </pre>
 *
 * sent as metadata {@code x-rewards-timestamp}, {@code x-rewards-nonce}, {@code x-rewards-signature}.
 */
public final class RequestSigning {
    public static final String TIMESTAMP_HEADER = "x-rewards-timestamp";
    public static final String NONCE_HEADER = "x-rewards-nonce";
    public static final String SIGNATURE_HEADER = "x-rewards-signature";

    private static final byte[] SIGNING_KEY_LABEL = "rewards-core request signing v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestSigning() {}

    /** The key request signatures are made with, derived from the client secret. */
    public static byte[] signingKey(String clientSecret) {
        return hmacSha256(clientSecret.getBytes(StandardCharsets.UTF_8), SIGNING_KEY_LABEL);
    }

    /**
     * The text that is signed. {@code method} is the full method name with its leading slash,
     * e.g. "/rewards.accounts.v1.AccountService/CreateAccount"; {@code body} the exact serialized request.
     */
    public static String stringToSign(String method, String timestamp, String nonce, byte[] body) {
        return method + "\n" + timestamp + "\n" + nonce + "\n" + HEX.formatHex(sha256(body));
    }

    /** Lower-case hex HMAC-SHA256 of {@link #stringToSign} under {@code signingKey}. */
    public static String sign(byte[] signingKey, String method, String timestamp, String nonce, byte[] body) {
        byte[] message = stringToSign(method, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8);
        return HEX.formatHex(hmacSha256(signingKey, message));
    }

    /** A fresh nonce: 24 characters of [A-Za-z0-9_-] (144 random bits). */
    public static String newNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
