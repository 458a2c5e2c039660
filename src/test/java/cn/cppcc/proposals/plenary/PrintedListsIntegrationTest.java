package cn.cppcc.proposals.plenary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Rule 17's printed lists, opened as a reader would: a unit's 交办单 as PDF (A4, the committee's
 * header, page numbers) and xlsx, all units' in a zip, and the session's 立案目录 as docx and xlsx.
 */
class PrintedListsIntegrationTest extends IntegrationTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void dispatchListOfAUnitHoldsItsProposalsWithTheirPartAndDeadline() throws Exception {
        String tag = "交办单" + System.nanoTime() % 100000;
        long lead = proposals.submitted(tag + "甲");
        long co = proposals.submitted(tag + "乙");
        proposals.review(lead, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.review(co, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(lead, "LEAD_AND_CO", List.of("housing", "transport"), "housing");
        proposals.assign(co, "LEAD_AND_CO", List.of("transport", "housing"), "transport");
        String leadNumber = proposals.dossier(lead).get("number").asText();
        String deadline = Proposals.today().plusMonths(3).toString();

        HttpResponse<byte[]> pdf = api.download("housing1", "/api/units/housing/dispatch-list?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f); // A4
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("区政协提案委员会").contains("提案交办单").contains("承办单位：区住房和城乡建设局")
                    .contains(leadNumber).contains(tag + "甲").contains("主办").contains("会办").contains(deadline)
                    .contains("第1页共" + document.getNumberOfPages() + "页");
            Files.createDirectories(SCREENSHOTS);
            javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72),
                    "png", SCREENSHOTS.resolve("dispatch-list-housing.png").toFile());
        }

        List<List<String>> rows = rows(api.download("office1", "/api/units/housing/dispatch-list?format=xlsx&session=10-6").body());
        assertThat(rows.get(0).get(0)).contains("提案交办单");
        assertThat(rows.get(2)).containsExactly("序号", "提案号", "案由", "提案人", "承办方式", "答复期限");
        List<String> leadRow = rows.stream().filter(r -> r.size() > 2 && r.get(2).endsWith(tag + "甲")).findFirst().orElseThrow();
        assertThat(leadRow.subList(1, 6)).containsExactly(leadNumber, "关于改善学校周边交通秩序的建议" + tag + "甲",
                "李华", "主办", deadline);
        assertThat(rows.stream().filter(r -> r.size() > 2 && r.get(2).endsWith(tag + "乙")).findFirst().orElseThrow().get(4))
                .isEqualTo("会办");

        assertThat(api.download("edu1", "/api/units/housing/dispatch-list").statusCode()).isEqualTo(403);
        assertThat(api.download("member1", "/api/units/housing/dispatch-list").statusCode()).isEqualTo(403);
        assertProblem(api.get("office1", "/api/units/housing/dispatch-list?format=doc"), 400, "format");
        assertProblem(api.get("office1", "/api/units/mars/dispatch-list"), 404, null);
        assertProblem(api.get("office1", "/api/units/housing/dispatch-list?session=99-9"), 404, null);
    }

    @Test
    void oneDispatchListPerUnitInAZipAfterABatch() throws Exception {
        long id = proposals.submitted("打包" + System.nanoTime() % 100000);
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(id, "SEPARATE", List.of("edu", "housing"), null);

        HttpResponse<byte[]> zip = api.download("office1", "/api/sessions/10-6/dispatch-lists.zip?format=pdf");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                try (PDDocument document = Loader.loadPDF(in.readAllBytes())) {
                    assertThat(new PDFTextStripper().getText(document)).contains("提案交办单");
                }
            }
        }
        assertThat(names).contains("交办单-区教育局-10-6.pdf", "交办单-区住房和城乡建设局-10-6.pdf");
        assertThat(api.download("edu1", "/api/sessions/10-6/dispatch-lists.zip").statusCode()).isEqualTo(403);
    }

    @Test
    void catalogueListsTheFiledProposalsByCategoryAsWordAndSpreadsheet() throws Exception {
        String tag = "目录" + System.nanoTime() % 100000;
        long traffic = proposals.submitted(tag + "交通");
        long school = proposals.submitted(tag + "教育");
        long notFiled = proposals.submitted(tag + "未立案");
        proposals.review(traffic, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.review(school, Map.of("decision", "FILE", "category", "教科文卫"));

        HttpResponse<byte[]> docx = api.download("office1", "/api/sessions/10-6/catalogue?format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("区政协提案委员会").contains("立案提案目录");
            int trafficHeading = text.indexOf("、城市交通（");
            int schoolHeading = text.indexOf("、教科文卫（");
            assertThat(trafficHeading).isPositive();
            assertThat(schoolHeading).isGreaterThan(trafficHeading); // the categories' own order
            assertThat(text.indexOf(tag + "交通")).isBetween(trafficHeading, schoolHeading);
            assertThat(text.indexOf(tag + "教育")).isGreaterThan(schoolHeading);
            assertThat(text).doesNotContain(tag + "未立案");
        }
        List<List<String>> rows = rows(api.download("auditor1", "/api/sessions/10-6/catalogue?format=xlsx").body());
        assertThat(rows.get(2)).containsExactly("类别", "提案号", "案由", "提案人");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("教科文卫",
                proposals.dossier(school).get("number").asText(), "关于改善学校周边交通秩序的建议" + tag + "教育", "李华"));
        assertThat(api.download("edu1", "/api/sessions/10-6/catalogue").statusCode()).isEqualTo(403);
        assertThat(notFiled).isPositive();
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
