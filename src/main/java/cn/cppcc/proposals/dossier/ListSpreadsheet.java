package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.unithandling.UnitStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/proposals/export.xlsx}: exactly the items of a filtered list (API.md "The plenary
 * week"), in its order, as a spreadsheet in Chinese (the labels of the pages' zh-CN bundle): each
 * proposal with its units and their parts, or, for a list of units' parts, one row per part.
 */
@Component
public class ListSpreadsheet {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The longest export: a national committee's year of proposals and more. */
    public static final int MAX_ROWS = 20_000;

    static final List<String> HEADERS = List.of("提案号", "流水号", "案由", "提案人", "提案者类型", "届次", "类别", "状态",
            "重点提案", "承办单位", "答复期限", "提交时间");

    private final ProposalList list;
    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final MessageSource messages;
    private final ProposalClock clock;

    ListSpreadsheet(ProposalList list, JdbcClient jdbc, Catalog catalog, Directory directory, MessageSource messages,
            ProposalClock clock) {
        this.list = list;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The filter's items, all of them (no paging).
     *
     * @throws InvalidInputException naming {@code size} when the list has more than {@link #MAX_ROWS} items
     */
    public byte[] write(ProposalList.Filter filter, Actor actor) {
        List<ProposalList.Item> items = list.all(filter, actor, MAX_ROWS + 1);
        if (items.size() > MAX_ROWS) {
            throw new InvalidInputException("size", "导出最多" + MAX_ROWS + "条，请缩小筛选范围");
        }
        Map<Long, List<String>> units = units(items);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.zone());
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet("提案");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (ProposalList.Item item : items) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(item.number() == null ? "" : item.number());
                row.createCell(c++).setCellValue(item.serialNo());
                row.createCell(c++).setCellValue(item.title());
                row.createCell(c++).setCellValue(directory.displayName(item.proposer()));
                row.createCell(c++).setCellValue(label("proposerType." + item.proposerType()));
                row.createCell(c++).setCellValue(item.session());
                row.createCell(c++).setCellValue(item.category() == null ? "" : item.category());
                row.createCell(c++).setCellValue(label("status." + item.status()));
                row.createCell(c++).setCellValue(item.key() ? "是" : "否");
                row.createCell(c++).setCellValue(item.unit() != null ? catalog.unitName(item.unit())
                        : String.join("、", units.getOrDefault(item.id(), List.of())));
                row.createCell(c++).setCellValue(item.deadline() == null ? "" : item.deadline().toString());
                row.createCell(c).setCellValue(time.format(item.createdAt()));
            }
            int[] widths = {8, 8, 50, 12, 12, 10, 14, 12, 8, 40, 12, 18};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** Each proposal's units that were not reassigned away, with their parts: 区教育局（主办）. */
    private Map<Long, List<String>> units(List<ProposalList.Item> items) {
        Map<Long, List<String>> units = new HashMap<>();
        List<Long> ids = items.stream().map(ProposalList.Item::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select proposal_id, unit_code, role from dossier_unit_assignments where proposal_id in (:ids)"
                            + " and status <> :reassigned order by proposal_id, id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .param("reassigned", UnitStatus.REASSIGNED.name())
                    .query((rs, n) -> {
                        units.computeIfAbsent(rs.getLong("proposal_id"), id -> new ArrayList<>()).add(
                                catalog.unitName(rs.getString("unit_code")) + "（" + label("unitRole." + rs.getString("role")) + "）");
                        return null;
                    }).list();
        }
        return units;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
