package cn.cppcc.proposals.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(AuditCsv.cell("审查立案：立案")).isEqualTo("\"审查立案：立案\"");
        assertThat(AuditCsv.cell("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(AuditCsv.cell("a,b\r\nc")).isEqualTo("\"a,b\nc\"");
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx")) {
            assertThat(AuditCsv.cell(formula)).startsWith("\"'");
        }
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void aFileStartsWithTheByteOrderMarkAndEndsItsLinesWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.header(out);
        AuditCsv.record(out, new AuditRecord(7, Instant.parse("2026-03-01T01:02:03Z"), "office1", "proposal-office",
                "PROPOSAL_REVIEWED", "审查立案：立案", 12L, null, "task:1", "127.0.0.1", "=cmd", "a".repeat(64),
                "b".repeat(64)), ZoneId.of("Asia/Shanghai"));
        String text = out.toString();
        assertThat(text).startsWith("\uFEFF\"序号\"");
        assertThat(text.split("\r\n", -1)).hasSize(3);
        assertThat(text).contains("\"2026-03-01 09:02:03\"", "\"'=cmd\"", ",,\"task:1\"");
    }
}
