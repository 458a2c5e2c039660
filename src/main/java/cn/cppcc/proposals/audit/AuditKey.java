package cn.cppcc.proposals.audit;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret key of the chain's HMAC-SHA256 ({@code proposals.audit.hmac-key}, {@code AUDIT_HMAC_KEY}):
 * at least 32 bytes, written as hex ({@code openssl rand -hex 32}) or base64
 * ({@code openssl rand -base64 32}). It lives outside the database, so that whoever can change rows
 * there cannot recompute the hashes of the rows they changed. The application refuses to start
 * without a key or with a short one; the demo profile has a fixed key that is public
 * ({@link #DEMO}), which the {@code prod} profile refuses (identity.ProductionChecks).
 * <p>
 * Bound here rather than in AuditSettings, so that no settings object (and its {@code toString})
 * holds the secret; SettingsAudit leaves it out of the recorded settings.
 */
@Component
public class AuditKey {

    /**
     * The demo profile's key, base64 of "demo audit key: public, never for production": in the
     * repository, so not secret.
     */
    public static final String DEMO = "ZGVtbyBhdWRpdCBrZXk6IHB1YmxpYywgbmV2ZXIgZm9yIHByb2R1Y3Rpb24=";
    static final int MIN_BYTES = 32;
    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final boolean demo;

    /** Refuses a missing, malformed or short key: the application does not start without one. */
    AuditKey(@Value("${proposals.audit.hmac-key:}") String text) {
        this.key = new SecretKeySpec(parse(text), ALGORITHM);
        this.demo = MessageDigest.isEqual(key.getEncoded(), parse(DEMO));
    }

    /** Whether this is the public demo key. */
    public boolean isDemo() {
        return demo;
    }

    /**
     * The key's bytes: hex when the text is only hex digits (an even number of them), base64
     * otherwise. Never puts the text in a message.
     */
    static byte[] parse(String text) {
        String value = text == null ? "" : text.strip();
        byte[] bytes;
        try {
            bytes = value.matches("(?:[0-9a-fA-F]{2})+") ? HexFormat.of().parseHex(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AUDIT_HMAC_KEY (proposals.audit.hmac-key) is neither hex nor base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("AUDIT_HMAC_KEY (proposals.audit.hmac-key) must be set to at least "
                    + MIN_BYTES + " random bytes as hex or base64, e.g. from `openssl rand -base64 32`");
        }
        return bytes;
    }

    /** A new HMAC-SHA256 with the key, for one thread's work (a Mac is not thread-safe). */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

}
