package cn.cppcc.proposals.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** The annual report as .docx: a title, the paragraph, then the tables, each under its heading. */
final class WordDocuments {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String FONT = "宋体";

    private WordDocuments() {
    }

    static byte[] report(String title, String paragraph, List<ReportTables.Table> tables) {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            run(heading, title, true, 18);

            XWPFParagraph body = document.createParagraph();
            body.setFirstLineIndent(560); // two characters, as Chinese documents indent
            body.setSpacingAfter(240);
            run(body, paragraph, false, 12);

            for (int t = 0; t < tables.size(); t++) {
                ReportTables.Table table = tables.get(t);
                XWPFParagraph caption = document.createParagraph();
                caption.setSpacingBefore(240);
                run(caption, (t < NUMBERS.length ? NUMBERS[t] : String.valueOf(t + 1)) + "、" + table.name(), true, 12);
                XWPFTable grid = document.createTable(table.rows().size() + 1, table.headers().size());
                grid.setWidth("100%");
                fill(grid.getRow(0), table.headers(), true);
                for (int r = 0; r < table.rows().size(); r++) {
                    fill(grid.getRow(r + 1), table.rows().get(r), false);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<?> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph paragraph = row.getCell(c).getParagraphs().get(0);
            run(paragraph, text(cells.get(c)), bold, 10);
        }
    }

    private static String text(Object value) {
        if (value instanceof ReportTables.Percent p) {
            return AnnualReportText.percent(p.value());
        }
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.4f", d);
        }
        return value == null ? "" : value.toString();
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(FONT);
    }
}
