package cn.cppcc.proposals.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The reports as files: the summary and the register as spreadsheets, the annual report as a Word
 * document. The same files for {@code /api/reports/*.xlsx|docx} and the reports page.
 */
@Service
public class ReportDownloads {

    private final ReportService reports;

    ReportDownloads(ReportService reports) {
        this.reports = reports;
    }

    /**
     * A file to download.
     *
     * @param fileName  the Chinese name, e.g. 提案办理情况统计（2026年）.xlsx
     * @param asciiName a name for clients that know no better
     */
    public record Download(byte[] content, String contentType, String fileName, String asciiName) {

        /**
         * As an attachment named in Chinese: RFC 6266 with the name as RFC 5987 {@code filename*},
         * and an ASCII {@code filename} for clients that know no better.
         */
        public ResponseEntity<byte[]> asAttachment() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(contentType))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(fileName))
                    .body(content);
        }
    }

    /** Percent-encodes every byte of the UTF-8 name but RFC 5987's attr-char. */
    static String rfc5987(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** 提案办理情况统计: sheets 总体情况, 按类别, 按承办单位, 答复类别. */
    public Download summary(ReportPeriod period) {
        Summary summary = reports.summary(period);
        return new Download(Spreadsheets.tables(ReportTables.summary(summary, reports.classLabels())),
                Spreadsheets.CONTENT_TYPE, "提案办理情况统计（" + period.label() + "）.xlsx", "summary.xlsx");
    }

    /** 提案办理情况汇总表: one line per proposal and unit. */
    public Download register(ReportPeriod period) {
        Map<String, String> names = new HashMap<>();
        List<List<Object>> lines = Register.lines(reports.register(period),
                user -> names.computeIfAbsent(user, reports::displayName), reports.unitNames(), reports.classLabels(),
                reports.zone());
        String title = Register.TITLE + "（" + period.label() + "）";
        return new Download(Spreadsheets.titled(title, Register.HEADERS, lines), Spreadsheets.CONTENT_TYPE,
                title + ".xlsx", "register.xlsx");
    }

    /** The annual report: the paragraph, the summary's tables and the ranking. */
    public Download annual(int year) {
        ReportService.AnnualReport report = reports.annual(year);
        List<ReportTables.Table> tables = new ArrayList<>(ReportTables.summary(report.summary(), reports.classLabels()));
        tables.add(ReportTables.ranking(report.ranking().units()));
        String title = report.year() + "年度提案办理工作情况";
        return new Download(WordDocuments.report(title, report.text(), tables), WordDocuments.CONTENT_TYPE,
                title + ".docx", "annual-" + report.year() + ".docx");
    }
}
