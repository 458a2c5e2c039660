package cn.cppcc.proposals.report;

import cn.cppcc.proposals.shared.CurrentActor;
import java.util.List;
import java.util.Map;
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
    private final ReportDownloads downloads;
    private final CurrentActor currentActor;

    ReportController(ReportService reports, ReportDownloads downloads, CurrentActor currentActor) {
        this.reports = reports;
        this.downloads = downloads;
        this.currentActor = currentActor;
    }

    /** {@code text}: the annual report's paragraph; the figures behind it come with it. */
    record AnnualAnswer(int year, String text, Summary summary, List<UnitRanking.RankedUnit> ranking) {}

    @GetMapping("/api/reports/summary")
    Summary summary(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.summary(reports.period(query, false));
    }

    @GetMapping("/api/reports/summary.xlsx")
    ResponseEntity<byte[]> summarySpreadsheet(@RequestParam Map<String, String> query) {
        requireReader();
        return download(downloads.summary(reports.period(query, false)));
    }

    @GetMapping("/api/reports/proposer-types")
    List<ReportService.ProposerTypeFigures> proposerTypes(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.byProposerType(reports.period(query, false));
    }

    @GetMapping("/api/reports/members")
    List<ReportService.MemberFigures> members(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.members(reports.period(query, false));
    }

    @GetMapping("/api/reports/register.xlsx")
    ResponseEntity<byte[]> register(@RequestParam Map<String, String> query) {
        requireReader();
        return download(downloads.register(reports.period(query, false)));
    }

    @GetMapping("/api/reports/annual")
    AnnualAnswer annual(@RequestParam Map<String, String> query) {
        requireReader();
        ReportService.AnnualReport report = reports.annual(reports.year(query));
        return new AnnualAnswer(report.year(), report.text(), report.summary(), report.ranking().units());
    }

    @GetMapping("/api/reports/annual.docx")
    ResponseEntity<byte[]> annualDocument(@RequestParam Map<String, String> query) {
        requireReader();
        return download(downloads.annual(reports.year(query)));
    }

    @GetMapping("/api/reports/units/ranking")
    UnitRanking.Ranking ranking(@RequestParam Map<String, String> query) {
        requireReader();
        return reports.ranking(reports.period(query, true));
    }

    private void requireReader() {
        reports.requireReader(currentActor.get());
    }

    private static ResponseEntity<byte[]> download(ReportDownloads.Download file) {
        return file.asAttachment();
    }
}
