package cn.cppcc.proposals.report;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/**} for the office, auditors and supervisors (API.md "Reports"): the summary
 * as JSON and as a spreadsheet, the members' records, the register, the annual report and the
 * ranking of handling units.
 */
@RestController
class ReportController {

    private final ReportService reports;
    private final ReportParameters parameters;
    private final CurrentActor currentActor;

    ReportController(ReportService reports, ReportParameters parameters, CurrentActor currentActor) {
        this.reports = reports;
        this.parameters = parameters;
        this.currentActor = currentActor;
    }

    /** {@code text}: the annual report's paragraph; the figures behind it come with it. */
    record AnnualAnswer(int year, String text, Summary summary, List<UnitRanking.RankedUnit> ranking) {}

    @GetMapping("/api/reports/summary")
    Summary summary(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.summary(parameters.read(query, false));
    }

    @GetMapping("/api/reports/summary.xlsx")
    ResponseEntity<byte[]> summarySpreadsheet(@RequestParam Map<String, String> query) {
        requireReader();
        ReportPeriod period = parameters.read(query, false);
        Summary summary = reports.summary(period);
        return download(Spreadsheets.tables(ReportTables.summary(summary, reports.classLabels())),
                Spreadsheets.CONTENT_TYPE, "提案办理情况统计（" + period.label() + "）.xlsx", "summary.xlsx");
    }

    @GetMapping("/api/reports/members")
    List<ReportService.MemberFigures> members(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.members(parameters.read(query, false));
    }

    @GetMapping("/api/reports/register.xlsx")
    ResponseEntity<byte[]> register(@RequestParam Map<String, String> query) {
        requireReader();
        ReportPeriod period = parameters.read(query, false);
        Map<String, String> names = new HashMap<>();
        List<List<Object>> lines = Register.lines(reports.register(period),
                user -> names.computeIfAbsent(user, reports::displayName), reports.unitNames(), reports.classLabels(),
                reports.zone());
        String title = Register.TITLE + "（" + period.label() + "）";
        return download(Spreadsheets.titled(title, Register.HEADERS, lines), Spreadsheets.CONTENT_TYPE,
                title + ".xlsx", "register.xlsx");
    }

    @GetMapping("/api/reports/annual")
    AnnualAnswer annual(@RequestParam Map<String, String> query) {
        requireReader();
        ReportService.AnnualReport report = reports.annual(parameters.ofYear(parameters.requiredYear(query)));
        return new AnnualAnswer(report.year(), report.text(), report.summary(), report.ranking().units());
    }

    @GetMapping("/api/reports/annual.docx")
    ResponseEntity<byte[]> annualDocument(@RequestParam Map<String, String> query) {
        requireReader();
        ReportService.AnnualReport report = reports.annual(parameters.ofYear(parameters.requiredYear(query)));
        List<ReportTables.Table> tables = new ArrayList<>(ReportTables.summary(report.summary(), reports.classLabels()));
        tables.add(ReportTables.ranking(report.ranking().units()));
        String title = report.year() + "年度提案办理工作情况";
        return download(WordDocuments.report(title, report.text(), tables), WordDocuments.CONTENT_TYPE,
                title + ".docx", "annual-" + report.year() + ".docx");
    }

    @GetMapping("/api/reports/units/ranking")
    UnitRanking.Ranking ranking(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.ranking(parameters.read(query, true));
    }

    private void requireReader() {
        Actor actor = currentActor.get();
        if (!(actor.isOffice() || actor.isIn(Actor.AUDITORS) || actor.isIn(Actor.SUPERVISORS))) {
            throw new ForbiddenException("只有提案委员会、审计监督人员和督办领导可以查看统计");
        }
    }

    /**
     * An attachment named in Chinese: RFC 6266 with the name as RFC 5987 {@code filename*}, and an
     * ASCII {@code filename} for clients that know no better.
     */
    static ResponseEntity<byte[]> download(byte[] content, String contentType, String fileName, String asciiName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(fileName))
                .body(content);
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
}
