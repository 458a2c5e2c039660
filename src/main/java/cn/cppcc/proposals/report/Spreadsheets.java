package cn.cppcc.proposals.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reports as .xlsx: numbers as numbers, rates as percentages (a cell left empty when there is
 * no figure), headers in bold.
 */
final class Spreadsheets {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_COLUMN_WIDTH = 60;

    private Spreadsheets() {
    }

    /** One sheet per table, headers in the first row. */
    static byte[] tables(List<ReportTables.Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            for (ReportTables.Table table : tables) {
                Sheet sheet = workbook.createSheet(table.name());
                writeRow(sheet.createRow(0), table.headers(), styles.header, styles);
                int r = 1;
                for (List<Object> row : table.rows()) {
                    writeRow(sheet.createRow(r++), row, null, styles);
                }
                sheet.createFreezePane(1, 1);
                fitColumns(sheet, table.headers(), table.rows());
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A title row over the headers, then the lines; streamed, so that a register of thousands of
     * lines stays small in memory.
     */
    static byte[] titled(String title, List<String> headers, List<List<Object>> lines) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(Register.TITLE);
            Cell titleCell = sheet.createRow(0).createCell(0);
            titleCell.setCellValue(title);
            titleCell.setCellStyle(styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            writeRow(sheet.createRow(1), headers, styles.header, styles);
            int r = 2;
            for (List<Object> line : lines) {
                writeRow(sheet.createRow(r++), line, null, styles);
            }
            sheet.createFreezePane(0, 2);
            fitColumns(sheet, headers, lines.size() > ROWS_IN_MEMORY ? lines.subList(0, ROWS_IN_MEMORY) : lines);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void writeRow(Row row, List<?> cells, CellStyle style, Styles styles) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c);
            Object value = cells.get(c);
            if (value instanceof Long n) {
                cell.setCellValue(n);
            } else if (value instanceof Double d) {
                cell.setCellValue(d);
                cell.setCellStyle(styles.decimal);
            } else if (value instanceof ReportTables.Percent p) {
                if (p.value() != null) {
                    cell.setCellValue(p.value());
                }
                cell.setCellStyle(styles.percent);
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** Widths by the longest text, a Chinese character counting twice. */
    private static void fitColumns(Sheet sheet, List<String> headers, List<List<Object>> rows) {
        for (int c = 0; c < headers.size(); c++) {
            int width = width(headers.get(c));
            for (List<Object> row : rows) {
                Object value = c < row.size() ? row.get(c) : null;
                width = Math.max(width, value instanceof String s ? width(s) : 8);
            }
            sheet.setColumnWidth(c, Math.min(width + 2, MAX_COLUMN_WIDTH) * 256);
        }
    }

    private static int width(String text) {
        return text.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle percent;
        final CellStyle decimal;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            title.setAlignment(HorizontalAlignment.CENTER);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0000"));
        }
    }
}
