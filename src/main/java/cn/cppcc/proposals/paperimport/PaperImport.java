package cn.cppcc.proposals.paperimport;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.SubmissionService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ClusterNode;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule 1: the office registers proposals received on paper from a spreadsheet (xlsx), one row per
 * proposal, each through {@link SubmissionService#submit} with {@code onBehalfOf}, exactly as
 * {@code POST /api/proposals}, each in its own transaction: a refused row is reported with its
 * reasons and does not stop the others.
 *
 * <p>An import is a durable job (tables paper_imports and paper_import_rows): the sheet's rows are
 * stored when it is uploaded, and a node registers them in the background, holding the import by
 * a lease it renews with every row. A row is marked registered in the transaction that registers
 * it, so it is registered exactly once; when the node stops half-way, another one (or the same
 * one after its restart) takes over once the lease has run out. Any node shows the progress.
 */
@Service
public class PaperImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PaperImport.class);

    static final int MAX_ROWS = 2000;
    /** The most recent imports the page lists. */
    static final int LISTED_JOBS = 20;
    /** How long an import stays with the node working on it without a sign of life. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** The columns: the Chinese heading of the template, or the API's field name. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("案由", "title");
        COLUMNS.put("案据", "background");
        COLUMNS.put("办法", "suggestions");
        COLUMNS.put("提案人", "onBehalfOf");
        COLUMNS.put("提案者类型", "proposerType");
        COLUMNS.put("联名人", "coProposers");
        COLUMNS.put("建议类别", "suggestedCategory");
        COLUMNS.put("同意公开", "publicConsent");
    }

    static final Map<String, String> PROPOSER_TYPES = Map.of("委员", "MEMBER", "联名", "JOINT", "党派", "PARTY",
            "团体", "ORGANISATION", "人民团体", "ORGANISATION", "专委会", "COMMITTEE", "专门委员会", "COMMITTEE");

    private final SubmissionService submissions;
    private final Directory directory;
    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final String node;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paper-import");
        thread.setDaemon(true);
        return thread;
    });

    PaperImport(SubmissionService submissions, Directory directory, IdentityService identityService, JdbcClient jdbc,
            ObjectMapper json, PlatformTransactionManager transactions, ClusterNode node) {
        this.node = node.name();
        this.submissions = submissions;
        this.directory = directory;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A refused row: its number in the sheet, its title, and why. */
    public record Refusal(int row, String title, List<String> reasons) {}

    /** A registered row: its number in the sheet and the new proposal. */
    public record Registered(int row, long proposalId, int serialNo, String title) {}

    /** One upload: what was read, how far the background got, and what became of each row. */
    public record Job(String id, String fileName, Instant started, int total, int processed, boolean done,
                      List<Registered> registered, List<Refusal> refused) {

        public int percent() {
            return total == 0 ? 100 : processed * 100 / total;
        }

        // the pages' templates read these as properties
        public String getId() {
            return id;
        }

        public String getFileName() {
            return fileName;
        }

        public Instant getStarted() {
            return started;
        }

        public int getTotal() {
            return total;
        }

        public int getProcessed() {
            return processed;
        }

        public boolean isDone() {
            return done;
        }

        public List<Registered> getRegistered() {
            return registered;
        }

        public List<Refusal> getRefused() {
            return refused;
        }

        public int getPercent() {
            return percent();
        }
    }

    /** The JSON the progress bar polls. */
    public record Status(String id, int total, int processed, int registered, int refused, int percent, boolean done) {

        public static Status of(Job job) {
            return new Status(job.id(), job.total(), job.processed(), job.registered().size(), job.refused().size(),
                    job.percent(), job.done());
        }
    }

    /** A sheet's row as read: its number (1 for the heading) and its fields. */
    record SheetRow(int number, Map<String, Object> fields) {}

    /**
     * Reads the sheet now (a file that is no spreadsheet is refused at once), stores its rows, and
     * registers them in the background.
     *
     * @throws InvalidInputException when the file cannot be read or has no rows
     */
    public Job start(String fileName, byte[] content, Actor actor) {
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以导入纸质提案");
        }
        List<SheetRow> rows = read(content);
        String id = UUID.randomUUID().toString();
        String name = fileName == null ? "" : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into paper_imports (id, owner, file_name, started_at, total) values (?, ?, ?, ?, ?)")
                    .params(id, actor.userId(), name, utc(Instant.now()), rows.size()).update();
            for (SheetRow row : rows) {
                jdbc.sql("insert into paper_import_rows (import_id, row_number, fields, title, outcome) values (?, ?, ?, ?, 'PENDING')")
                        .params(id, row.number(), write(row.fields()), cut(titleOf(row), 2000)).update();
            }
        });
        worker.submit(() -> work(id));
        return load(id).orElseThrow();
    }

    /** The job, for the user who started it only. */
    public Job job(String id, Actor actor) {
        return load(id).filter(job -> actor.userId().equals(ownerOf(id)))
                .orElseThrow(() -> new NotFoundException("没有该导入任务：" + id));
    }

    /** The user's latest imports, newest first. */
    public List<Job> jobsOf(Actor actor) {
        return jdbc.sql("select id from paper_imports where owner = ? order by started_at desc fetch first ? rows only")
                .params(actor.userId(), LISTED_JOBS).query(String.class).list().stream()
                .map(id -> load(id).orElseThrow()).toList();
    }

    /** Takes over the imports whose node stopped working on them (or stopped altogether). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT10S")
    void resumeAbandoned() {
        jdbc.sql("select id from paper_imports where finished_at is null and (lease_until is null or lease_until < ?)")
                .param(utc(Instant.now())).query(String.class).list()
                .forEach(id -> worker.submit(() -> work(id)));
    }

    /** Registers the import's pending rows, if this node gets (or holds) its lease. */
    void work(String id) {
        if (!renewLease(id)) {
            return;
        }
        String owner = ownerOf(id);
        Actor actor = new Actor(owner, directory.groupsOf(owner));
        // The rows are registered as the office user who uploaded them, as their API calls would be.
        identityService.setAuthentication(actor.userId(), actor.groups());
        try {
            Optional<PendingRow> next;
            while ((next = nextPending(id)).isPresent()) {
                register(id, next.get(), actor);
                if (!renewLease(id)) {
                    return; // another node took over
                }
            }
            jdbc.sql("update paper_imports set finished_at = ?, worker = null, lease_until = null where id = ?")
                    .params(utc(Instant.now()), id).update();
        } catch (RuntimeException e) {
            // the database may be away: the lease runs out, and a node takes the import over then
            log.error("Paper import {} stopped; it resumes when its lease has run out", id, e);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private record PendingRow(int number, Map<String, Object> fields, String title) {}

    private boolean renewLease(String id) {
        Instant now = Instant.now();
        return jdbc.sql("update paper_imports set worker = ?, lease_until = ? where id = ? and finished_at is null"
                        + " and (worker = ? or lease_until is null or lease_until < ?)")
                .params(node, utc(now.plus(LEASE)), id, node, utc(now)).update() == 1;
    }

    private Optional<PendingRow> nextPending(String id) {
        return jdbc.sql("select row_number, fields, title from paper_import_rows where import_id = ? and outcome = 'PENDING'"
                        + " order by row_number fetch first 1 rows only")
                .param(id).query((rs, n) -> new PendingRow(rs.getInt(1), read(rs.getString(2)), rs.getString(3))).optional();
    }

    private void register(String id, PendingRow row, Actor actor) {
        try {
            transaction.executeWithoutResult(status -> {
                Proposal proposal = submissions.submit(row.fields(), actor);
                int marked = jdbc.sql("update paper_import_rows set outcome = 'REGISTERED', proposal_id = ?, serial_no = ?"
                                + " where import_id = ? and row_number = ? and outcome = 'PENDING'")
                        .params(proposal.getId(), proposal.getSerialNo(), id, row.number()).update();
                if (marked != 1) {
                    // another node registered the row meanwhile: this registration must not stay
                    throw new ConcurrentRowException();
                }
            });
        } catch (ConcurrentRowException alreadyDone) {
            log.info("Paper import {}: row {} was registered by another node", id, row.number());
        } catch (RuntimeException e) {
            refuse(id, row, reasons(e, id, row));
        }
    }

    private static final class ConcurrentRowException extends RuntimeException {
        ConcurrentRowException() {
            super(null, null, false, false);
        }
    }

    private static List<String> reasons(RuntimeException e, String id, PendingRow row) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidInputException) && !(cause instanceof ForbiddenException)) {
            cause = cause.getCause();
        }
        if (cause instanceof InvalidInputException invalid) {
            return List.of(invalid.getMessage().split("；"));
        }
        if (cause != null) {
            return List.of(cause.getMessage());
        }
        log.error("Paper import {}: row {} failed", id, row.number(), e);
        return List.of("系统错误，请联系管理员");
    }

    private void refuse(String id, PendingRow row, List<String> reasons) {
        jdbc.sql("update paper_import_rows set outcome = 'REFUSED', reasons = ? where import_id = ? and row_number = ?"
                        + " and outcome = 'PENDING'")
                .params(cut(String.join("\n", reasons), 4000), id, row.number()).update();
    }

    private Optional<Job> load(String id) {
        record Head(String fileName, Instant started, int total, boolean done) {}
        Optional<Head> head = jdbc.sql("select file_name, started_at, total, finished_at from paper_imports where id = ?")
                .param(id).query((rs, n) -> new Head(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getInt(3), rs.getObject(4) != null)).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Registered> registered = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        jdbc.sql("select row_number, outcome, proposal_id, serial_no, title, reasons from paper_import_rows"
                + " where import_id = ? and outcome <> 'PENDING' order by row_number").param(id).query(rs -> {
                    if ("REGISTERED".equals(rs.getString(2))) {
                        registered.add(new Registered(rs.getInt(1), rs.getLong(3), rs.getInt(4), rs.getString(5)));
                    } else {
                        refused.add(new Refusal(rs.getInt(1), rs.getString(5), List.of(rs.getString(6).split("\n"))));
                    }
                });
        Head h = head.get();
        return Optional.of(new Job(id, h.fileName(), h.started(), h.total(), registered.size() + refused.size(), h.done(),
                List.copyOf(registered), List.copyOf(refused)));
    }

    private String ownerOf(String id) {
        return jdbc.sql("select owner from paper_imports where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    private static String titleOf(SheetRow row) {
        return row.fields().get("title") instanceof String title ? title : "";
    }

    private String write(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String fields) {
        try {
            return json.readValue(fields, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    // --- reading the spreadsheet ------------------------------------------------------------------------

    List<SheetRow> read(byte[] content) {
        List<SheetRow> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            Row heading = sheet.getRow(sheet.getFirstRowNum());
            if (heading == null) {
                throw new InvalidInputException("file", "表格是空的");
            }
            Map<Integer, String> columns = new HashMap<>();
            for (Cell cell : heading) {
                String name = format.formatCellValue(cell).strip();
                String field = COLUMNS.getOrDefault(name, COLUMNS.containsValue(name) ? name : null);
                if (field != null) {
                    columns.put(cell.getColumnIndex(), field);
                }
            }
            if (!columns.containsValue("title")) {
                throw new InvalidInputException("file", "第一行须是列名（案由、案据、办法、提案人……），请使用模板");
            }
            Map<String, String> members = memberNames();
            for (int r = heading.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                columns.forEach((index, field) -> {
                    Cell cell = row.getCell(index);
                    String value = cell == null ? "" : format.formatCellValue(cell).strip();
                    if (!value.isEmpty()) {
                        cells.put(field, value);
                    }
                });
                if (cells.isEmpty()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidInputException("file", "每次最多导入" + MAX_ROWS + "件提案，请分批导入");
                }
                rows.add(new SheetRow(r + 1, fields(cells, members)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "无法读取该文件，请上传Excel（.xlsx）表格");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "表格中没有提案");
        }
        return rows;
    }

    /** The row as the API's submission: names of members become their user ids, labels their codes. */
    private static Map<String, Object> fields(Map<String, String> cells, Map<String, String> members) {
        Map<String, Object> fields = new HashMap<>();
        cells.forEach((field, value) -> {
            switch (field) {
                case "onBehalfOf" -> fields.put(field, members.getOrDefault(value, value));
                case "coProposers" -> fields.put(field, Arrays.stream(value.split("[,，、;；\\s]+"))
                        .filter(v -> !v.isBlank()).map(v -> members.getOrDefault(v, v)).toList());
                case "proposerType" -> fields.put(field, PROPOSER_TYPES.getOrDefault(value, value.toUpperCase()));
                case "publicConsent" -> fields.put(field, switch (value) {
                    case "是", "同意", "Y", "y", "yes", "YES", "true", "TRUE", "1" -> "true";
                    case "否", "不同意", "N", "n", "no", "NO", "false", "FALSE", "0" -> "false";
                    default -> value;
                });
                default -> fields.put(field, value);
            }
        });
        if (!fields.containsKey("proposerType")) {
            Object co = fields.get("coProposers");
            fields.put("proposerType", co instanceof List<?> list && !list.isEmpty() ? "JOINT" : "MEMBER");
        }
        return fields;
    }

    /** Members by their name, where the name is unique; a user id is always taken as it is. */
    private Map<String, String> memberNames() {
        Map<String, String> byName = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (User user : directory.membersOf(Actor.MEMBERS)) {
            String name = directory.displayName(user.getId());
            count.merge(name, 1, Integer::sum);
            byName.put(name, user.getId());
        }
        count.forEach((name, n) -> {
            if (n > 1) {
                byName.remove(name); // two members of one name: the sheet must give the user id
            }
        });
        return byName;
    }

    /** An empty sheet with the headings and one example row. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("提案");
            Row heading = sheet.createRow(0);
            int i = 0;
            for (String column : COLUMNS.keySet()) {
                heading.createCell(i++).setCellValue(column);
            }
            Row example = sheet.createRow(1);
            String[] values = {"关于……的建议", "（情况分析）", "（具体建议）", "李华", "委员", "", "教科文卫", "是"};
            for (int c = 0; c < values.length; c++) {
                example.createCell(c).setCellValue(values[c]);
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
