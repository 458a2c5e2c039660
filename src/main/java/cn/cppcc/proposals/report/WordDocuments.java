package cn.cppcc.proposals.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The annual report as .docx, as a committee's documents look: the title in 宋体, headings in 黑体,
 * the text in 仿宋 (each with its East Asian font set, so Word does not fall back to a Latin font for
 * the Chinese), as the document's own styles 标题 and 标题 1 (Word's navigation pane lists the
 * headings); then the tables, each under its numbered heading. A table too wide for a portrait A4
 * page (the one by unit has 17 columns) gets a landscape section of its own.
 */
final class WordDocuments {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    static final String TITLE_FONT = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String TEXT_FONT = "仿宋";
    static final String TABLE_FONT = "宋体";
    /** Tables with more columns than this go on a landscape page. */
    static final int PORTRAIT_COLUMNS = 8;
    /** A4 in twentieths of a point. */
    private static final long A4_SHORT = 11906;
    private static final long A4_LONG = 16838;

    private WordDocuments() {
    }

    static byte[] report(String title, String paragraph, List<ReportTables.Table> tables) {
        try (XWPFDocument document = new XWPFDocument()) {
            styles(document);
            XWPFParagraph heading = document.createParagraph();
            heading.setStyle("Title");
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setSpacingAfter(360);
            run(heading, title, TITLE_FONT, true, 18);

            XWPFParagraph body = document.createParagraph();
            body.setFirstLineIndent(560); // two characters, as Chinese documents indent
            body.setSpacingAfter(240);
            run(body, paragraph, TEXT_FONT, false, 14);

            boolean landscape = false;
            for (int t = 0; t < tables.size(); t++) {
                ReportTables.Table table = tables.get(t);
                boolean wide = table.headers().size() > PORTRAIT_COLUMNS;
                if (wide != landscape) {
                    // the section so far ends here, in its own orientation; the next one starts on a new page
                    section(document.createParagraph().getCTP().addNewPPr().addNewSectPr(), landscape);
                    landscape = wide;
                }
                XWPFParagraph caption = document.createParagraph();
                caption.setStyle("Heading1");
                caption.setSpacingBefore(240);
                caption.setSpacingAfter(120);
                run(caption, (t < NUMBERS.length ? NUMBERS[t] : String.valueOf(t + 1)) + "、" + table.name(),
                        HEADING_FONT, false, 14);
                XWPFTable grid = document.createTable(table.rows().size() + 1, table.headers().size());
                grid.setWidth("100%");
                fill(grid.getRow(0), table.headers(), true, wide);
                grid.getRow(0).setRepeatHeader(true);
                for (int r = 0; r < table.rows().size(); r++) {
                    fill(grid.getRow(r + 1), table.rows().get(r), false, wide);
                }
            }
            CTSectPr last = document.getDocument().getBody().isSetSectPr()
                    ? document.getDocument().getBody().getSectPr() : document.getDocument().getBody().addNewSectPr();
            section(last, landscape);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, portrait or landscape, with 2.5 cm margins (2 cm on a landscape page, for its wide table). */
    private static void section(CTSectPr section, boolean landscape) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(landscape ? 1134 : 1418);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
    }

    /** The document's styles: its default text in 仿宋, 标题 in 宋体, 标题 1 in 黑体. */
    private static void styles(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        styles.setDefaultFonts(fonts(CTFonts.Factory.newInstance(), TEXT_FONT));
        styles.addStyle(style("Title", "Title", TITLE_FONT, true, 18, null));
        styles.addStyle(style("Heading1", "heading 1", HEADING_FONT, false, 14, 0));
    }

    private static XWPFStyle style(String id, String name, String font, boolean bold, int size, Integer outline) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewBasedOn().setVal("Normal");
        style.addNewNext().setVal("Normal");
        style.addNewQFormat();
        if (outline != null) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr run = style.addNewRPr();
        fonts(run.addNewRFonts(), font);
        if (bold) {
            run.addNewB();
        }
        run.addNewSz().setVal(BigInteger.valueOf(size * 2L));
        run.addNewSzCs().setVal(BigInteger.valueOf(size * 2L));
        return new XWPFStyle(style);
    }

    private static CTFonts fonts(CTFonts fonts, String font) {
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setCs(font);
        return fonts;
    }

    private static void fill(XWPFTableRow row, List<?> cells, boolean bold, boolean wide) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph paragraph = row.getCell(c).getParagraphs().get(0);
            paragraph.setAlignment(c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            run(paragraph, text(cells.get(c)), TABLE_FONT, bold, wide ? 9 : 10);
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

    /** A run in the font, its East Asian font set too. */
    private static void run(XWPFParagraph paragraph, String text, String font, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.cs);
    }
}
