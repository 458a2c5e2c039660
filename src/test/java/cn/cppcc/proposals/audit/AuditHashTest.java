package cn.cppcc.proposals.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    static final Mac MAC = new AuditKey(AuditKey.DEMO).mac();

    static AuditRecord record(String detail) {
        return new AuditRecord(0, Instant.parse("2026-03-01T01:02:03.456Z"), "member1", "members", "PROPOSAL_SUBMITTED",
                "提交提案", 5L, null, null, "127.0.0.1", detail, null, null);
    }

    @Test
    void theCanonicalFormIsLengthPrefixedAndEndsWithThePreviousHash() {
        AuditRecord r = record("案由：测试").chained(1, AuditHash.GENESIS, MAC);
        assertThat(AuditHash.canonical(r)).isEqualTo("audit-v1\n1:1\n24:2026-03-01T01:02:03.456Z\n7:member1\n7:members\n"
                + "18:PROPOSAL_SUBMITTED\n12:提交提案\n1:5\n-\n-\n9:127.0.0.1\n15:案由：测试\n64:" + AuditHash.GENESIS + "\n");
        assertThat(r.hash()).isEqualTo(AuditHash.keyed(r, MAC)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void theHashIsTheHmacOfTheCanonicalFormWithTheKeyAndDiffersFromPlainSha256() throws Exception {
        AuditRecord r = record("案由：测试").chained(1, AuditHash.GENESIS, MAC);
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(Base64.getDecoder().decode(AuditKey.DEMO), "HmacSHA256"));
        assertThat(r.hash()).isEqualTo(HexFormat.of().formatHex(reference.doFinal(
                AuditHash.canonical(r).getBytes(StandardCharsets.UTF_8))));
        assertThat(AuditHash.plain(r)).isEqualTo(AuditHash.hex(AuditHash.canonical(r))).isNotEqualTo(r.hash());
        Mac other = new AuditKey("ab".repeat(32)).mac();
        assertThat(AuditHash.keyed(r, other)).isNotEqualTo(r.hash());
        // one Mac hashes record after record: each hash is of its own record only
        assertThat(AuditHash.keyed(r, MAC)).isEqualTo(r.hash());
    }

    @Test
    void anyChangeChangesTheHashAndTheNextOnesLink() {
        AuditRecord first = record("a").chained(1, AuditHash.GENESIS, MAC);
        AuditRecord second = record("b").chained(2, first.hash(), MAC);
        assertThat(record("a ").chained(1, AuditHash.GENESIS, MAC).hash()).isNotEqualTo(first.hash());
        assertThat(record("b").chained(2, record("x").chained(1, AuditHash.GENESIS, MAC).hash(), MAC).hash())
                .isNotEqualTo(second.hash());
        // no ambiguity between fields: moving text from one field to the next changes the hash
        AuditRecord shifted = new AuditRecord(1, first.at(), "member1m", "embers", first.action(), first.actionName(),
                5L, null, null, "127.0.0.1", "a", AuditHash.GENESIS, null);
        assertThat(AuditHash.keyed(shifted, MAC)).isNotEqualTo(first.hash());
    }

    @Test
    void controlCharactersAreDroppedAndLongTextsCut() {
        assertThat(AuditTrail.clean("a\u0000b\r\nc\rd")).isEqualTo("ab\nc\nd");
        assertThat(AuditTrail.cut("x".repeat(10), 5)).isEqualTo("xxxx…");
    }
}
