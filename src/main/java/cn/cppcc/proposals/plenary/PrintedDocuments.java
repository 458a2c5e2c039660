package cn.cppcc.proposals.plenary;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The printed lists as files: a 交办单 as PDF (A4, the committee's header, page numbers "第 X 页 共 Y
 * 页") and xlsx, a 立案目录 as docx and xlsx. The PDF's Chinese font is Adobe's STSong-Light from
 * OpenPDF's own jar, as the archive PDF's (dossier/DossierPdf): nothing to install, text extractable.
 */
final class PrintedDocuments {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final List<String> DISPATCH_HEADERS = List.of("序号", "提案号", "案由", "提案人", "承办方式", "答复期限");
    static final List<String> CATALOGUE_HEADERS = List.of("提案号", "案由", "提案人");
    private static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
            "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
    private static final String WORD_FONT = "宋体";

    private PrintedDocuments() {
    }

    static String dispatchTitle(PrintedLists.DispatchList list) {
        return "提案交办单";
    }

    static byte[] dispatchPdf(PrintedLists.DispatchList list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font header = new Font(song, 18, Font.BOLD);
            Font title = new Font(song, 16, Font.BOLD);
            Font text = new Font(song, 10.5f);
            Font head = new Font(song, 10.5f, Font.BOLD);
            PdfWriter.getInstance(document, out);
            document.addTitle(list.unitName() + "提案交办单");
            document.addCreator("政协提案办理系统");
            document.open();
            Paragraph committee = new Paragraph(list.header(), header);
            committee.setAlignment(Element.ALIGN_CENTER);
            document.add(committee);
            Paragraph heading = new Paragraph(dispatchTitle(list), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingBefore(6);
            heading.setSpacingAfter(12);
            document.add(heading);
            document.add(new Paragraph("承办单位：" + list.unitName(), text));
            document.add(new Paragraph("届次：" + list.sessionName() + "　　共 " + list.lines().size() + " 件　　制表日期："
                    + list.printedOn(), text));
            Paragraph note = new Paragraph("请于交办后及时签收；先协商后答复，在答复期限内办理完毕。主办单位负责答复，"
                    + "会办单位向主办单位提出会办意见，分办单位各自答复。", text);
            note.setSpacingBefore(4);
            note.setSpacingAfter(8);
            document.add(note);
            PdfPTable table = new PdfPTable(new float[] {0.7f, 1f, 5f, 2.2f, 1.2f, 1.6f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            DISPATCH_HEADERS.forEach(h -> table.addCell(cell(h, head)));
            int n = 1;
            for (PrintedLists.Line line : list.lines()) {
                table.addCell(cell(String.valueOf(n++), text));
                table.addCell(cell(line.number() == null ? "" : line.number(), text));
                table.addCell(cell(line.title(), text));
                table.addCell(cell(line.proposers(), text));
                table.addCell(cell(line.role(), text));
                table.addCell(cell(line.deadline() == null ? "" : line.deadline().toString(), text));
            }
            document.add(table);
            Paragraph sign = new Paragraph(list.header() + "（盖章）　　" + list.printedOn(), text);
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(24);
            document.add(sign);
            document.close();
            return numbered(out.toByteArray(), song);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    /** "第 X 页 共 Y 页" at the foot of every page: the total is known once the document is written. */
    private static byte[] numbered(byte[] pdf, BaseFont font) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out);
        int pages = reader.getNumberOfPages();
        for (int page = 1; page <= pages; page++) {
            PdfContentByte canvas = stamper.getOverContent(page);
            float middle = (reader.getPageSize(page).getLeft() + reader.getPageSize(page).getRight()) / 2;
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                    new Phrase("第 " + page + " 页 共 " + pages + " 页", new Font(font, 9)), middle, 28, 0);
        }
        stamper.close();
        reader.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setPadding(4);
        return cell;
    }

    static byte[] dispatchXlsx(PrintedLists.DispatchList list) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("交办单");
            CellStyle bold = bold(workbook);
            title(sheet, 0, list.header() + " 提案交办单", bold, DISPATCH_HEADERS.size());
            title(sheet, 1, "承办单位：" + list.unitName() + "　届次：" + list.sessionName() + "　共 " + list.lines().size()
                    + " 件　制表日期：" + list.printedOn(), null, DISPATCH_HEADERS.size());
            header(sheet.createRow(2), DISPATCH_HEADERS, bold);
            int r = 3;
            int n = 1;
            for (PrintedLists.Line line : list.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(n++);
                row.createCell(1).setCellValue(line.number() == null ? "" : line.number());
                row.createCell(2).setCellValue(line.title());
                row.createCell(3).setCellValue(line.proposers());
                row.createCell(4).setCellValue(line.role());
                row.createCell(5).setCellValue(line.deadline() == null ? "" : line.deadline().toString());
            }
            widths(sheet, 6, 8, 50, 24, 10, 12);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String catalogueTitle(PrintedLists.Catalogue catalogue) {
        return catalogue.sessionName() + "立案提案目录";
    }

    static byte[] catalogueDocx(PrintedLists.Catalogue catalogue) {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph committee = document.createParagraph();
            committee.setAlignment(ParagraphAlignment.CENTER);
            run(committee, catalogue.header(), true, 18);
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            run(heading, catalogueTitle(catalogue), true, 16);
            XWPFParagraph summary = document.createParagraph();
            summary.setAlignment(ParagraphAlignment.CENTER);
            run(summary, "共立案 " + catalogue.count() + " 件（" + catalogue.printedOn() + "）", false, 11);
            int c = 0;
            for (Map.Entry<String, List<PrintedLists.Line>> category : catalogue.byCategory().entrySet()) {
                XWPFParagraph caption = document.createParagraph();
                caption.setSpacingBefore(240);
                run(caption, (c < NUMBERS.length ? NUMBERS[c] : String.valueOf(c + 1)) + "、" + category.getKey() + "（"
                        + category.getValue().size() + "件）", true, 14);
                c++;
                XWPFTable table = document.createTable(category.getValue().size() + 1, CATALOGUE_HEADERS.size());
                table.setWidth("100%");
                fill(table.getRow(0), CATALOGUE_HEADERS, true);
                int r = 1;
                for (PrintedLists.Line line : category.getValue()) {
                    fill(table.getRow(r++), List.of(line.number(), line.title(), line.proposers()), false);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] catalogueXlsx(PrintedLists.Catalogue catalogue) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("立案目录");
            CellStyle bold = bold(workbook);
            title(sheet, 0, catalogue.header() + " " + catalogueTitle(catalogue), bold, 4);
            title(sheet, 1, "共立案 " + catalogue.count() + " 件（" + catalogue.printedOn() + "）", null, 4);
            header(sheet.createRow(2), List.of("类别", "提案号", "案由", "提案人"), bold);
            int r = 3;
            for (Map.Entry<String, List<PrintedLists.Line>> category : catalogue.byCategory().entrySet()) {
                for (PrintedLists.Line line : category.getValue()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(category.getKey());
                    row.createCell(1).setCellValue(line.number());
                    row.createCell(2).setCellValue(line.title());
                    row.createCell(3).setCellValue(line.proposers());
                }
            }
            widths(sheet, 14, 8, 50, 30);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bold(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        org.apache.poi.ss.usermodel.Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    private static void title(Sheet sheet, int r, String text, CellStyle style, int columns) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text);
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
    }

    private static void header(Row row, List<String> headers, CellStyle style) {
        for (int c = 0; c < headers.size(); c++) {
            row.createCell(c).setCellValue(headers.get(c));
            row.getCell(c).setCellStyle(style);
        }
    }

    private static void widths(Sheet sheet, int... widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            run(row.getCell(c).getParagraphs().get(0), cells.get(c) == null ? "" : cells.get(c), bold, 10);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(WORD_FONT);
    }
}
