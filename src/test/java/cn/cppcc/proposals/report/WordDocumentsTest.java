package cn.cppcc.proposals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** The annual report's .docx: the committee's fonts with their East Asian set, headings as styles, a landscape page for the wide table. */
class WordDocumentsTest {

    @Test
    void theWideTableGetsALandscapeSectionAndTheTextTheCommitteesFonts() throws Exception {
        List<ReportTables.Table> tables = List.of(
                new ReportTables.Table("总体情况", List.of("项目", "数值"), List.of(List.of("提交提案（件）", 3L))),
                new ReportTables.Table("按承办单位", Collections.nCopies(17, "列"), List.of(new ArrayList<>(Collections.nCopies(17, "1")))),
                new ReportTables.Table("答复类别", List.of("答复类别", "说明", "件次"), List.of(List.of("A类", "已解决或采纳", 2L))));

        byte[] docx = WordDocuments.report("2026年区政协提案办理工作报告", "2026年区政协共交办提案3件。", tables);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            // three sections: portrait (title, text, first table), landscape (the 17 columns), portrait again
            List<CTSectPr> sections = new ArrayList<>();
            for (XWPFParagraph p : document.getParagraphs()) {
                if (p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()) {
                    sections.add(p.getCTP().getPPr().getSectPr());
                }
            }
            sections.add(document.getDocument().getBody().getSectPr());
            assertThat(sections).extracting(s -> s.getPgSz().getOrient())
                    .containsExactly(STPageOrientation.PORTRAIT, STPageOrientation.LANDSCAPE, STPageOrientation.PORTRAIT);

            XWPFParagraph title = document.getParagraphs().get(0);
            assertThat(title.getStyle()).isEqualTo("Title");
            assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            XWPFRun titleRun = title.getRuns().get(0);
            assertThat(titleRun.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
            XWPFRun text = document.getParagraphs().get(1).getRuns().get(0);
            assertThat(text.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
            XWPFParagraph heading = document.getParagraphs().stream().filter(p -> p.getText().equals("二、按承办单位"))
                    .findFirst().orElseThrow();
            assertThat(heading.getStyle()).isEqualTo("Heading1");
            assertThat(heading.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(document.getTables().get(1).getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0)
                    .getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
        }
    }
}
