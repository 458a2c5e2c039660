package cn.cppcc.proposals.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Audit records as CSV that Excel opens with the Chinese intact: UTF-8 with a byte order mark,
 * CRLF line ends, every cell quoted (quotes doubled), and a cell that starts with = + - @ (or a tab
 * or carriage return) prefixed with an apostrophe, so that no cell is run as a formula.
 */
final class AuditCsv {

    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("序号", "时间", "操作人", "角色", "操作代码", "操作", "提案", "承办单位",
            "对象", "来源地址", "详情", "前一条哈希", "哈希");

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(BOM);
        row(out, HEADER);
    }

    static void record(Writer out, AuditRecord r, ZoneId zone) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        row(out, java.util.Arrays.asList(String.valueOf(r.seq()), time.format(r.at()), r.actor(), r.actorRoles(),
                r.action(), r.actionName(), r.proposalId() == null ? null : String.valueOf(r.proposalId()), r.unitCode(),
                r.subject(), r.clientIp(), r.detail(), r.prevHash(), r.hash()));
    }

    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value.replace("\r\n", "\n");
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
