package cn.cppcc.proposals.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The chain's key: hex or base64 of at least 32 bytes, never shown in a message. */
class AuditKeyTest {

    @Test
    void readsHexAndBase64() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 1);
        }
        String hex = HexFormat.of().formatHex(bytes);
        assertThat(AuditKey.parse(hex)).isEqualTo(bytes);
        assertThat(AuditKey.parse(hex.toUpperCase())).isEqualTo(bytes);
        assertThat(AuditKey.parse(" " + Base64.getEncoder().encodeToString(bytes) + "\n")).isEqualTo(bytes);
        assertThat(AuditKey.parse(AuditKey.DEMO)).hasSizeGreaterThanOrEqualTo(AuditKey.MIN_BYTES);
    }

    @Test
    void refusesAMissingShortOrMalformedKeyWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        for (String text : new String[] {null, "", "  ", "ab".repeat(31), shortKey, "not a key: secret-text!"}) {
            assertThatThrownBy(() -> new AuditKey(text)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AUDIT_HMAC_KEY").satisfies(e -> {
                        if (text != null && !text.isBlank()) {
                            assertThat(e.getMessage()).doesNotContain(text.strip());
                        }
                    });
        }
    }

    @Test
    void knowsTheDemoKey() {
        assertThat(new AuditKey(AuditKey.DEMO).isDemo()).isTrue();
        assertThat(new AuditKey("ab".repeat(32)).isDemo()).isFalse();
        // the same bytes written as hex are the same key
        assertThat(new AuditKey(HexFormat.of().formatHex(Base64.getDecoder().decode(AuditKey.DEMO))).isDemo()).isTrue();
    }
}
