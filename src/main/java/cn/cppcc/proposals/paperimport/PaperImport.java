package cn.cppcc.proposals.paperimport;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.SubmissionService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.stereotype.Service;

/**
 * Rule 1: the office registers proposals received on paper from a spreadsheet (xlsx), one row per
 * proposal, each through {@link SubmissionService#submit} with {@code onBehalfOf}, exactly as
 * {@code POST /api/proposals}, each in its own transaction: a refused row is reported with its
 * reasons and does not stop the others. The rows are processed in the background; the page polls
 * the job's status.
 */
@Service
public class PaperImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PaperImport.class);

    static final int MAX_ROWS = 2000;
    static final int KEPT_JOBS = 50;

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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paper-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());

    PaperImport(SubmissionService submissions, Directory directory, IdentityService identityService) {
        this.submissions = submissions;
        this.directory = directory;
        this.identityService = identityService;
    }

    /** A refused row: its number in the sheet, its title, and why. */
    public record Refusal(int row, String title, List<String> reasons) {}

    /** A registered row: its number in the sheet and the new proposal. */
    public record Registered(int row, long proposalId, int serialNo, String title) {}

    /** One upload: what was read, how far the background got, and what became of each row. */
    public static final class Job {
        final String id;
        final String owner;
        final String fileName;
        final Instant started;
        final int total;
        final AtomicInteger processed = new AtomicInteger();
        final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
        final List<Refusal> refused = Collections.synchronizedList(new ArrayList<>());
        volatile boolean done;

        Job(String id, String owner, String fileName, Instant started, int total) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
            this.started = started;
            this.total = total;
        }

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
            return processed.get();
        }

        public boolean isDone() {
            return done;
        }

        public List<Registered> getRegistered() {
            synchronized (registered) {
                return List.copyOf(registered);
            }
        }

        public List<Refusal> getRefused() {
            synchronized (refused) {
                return List.copyOf(refused);
            }
        }

        public int getPercent() {
            return total == 0 ? 100 : processed.get() * 100 / total;
        }
    }

    /** The JSON the progress bar polls. */
    public record Status(String id, int total, int processed, int registered, int refused, int percent, boolean done) {

        public static Status of(Job job) {
            return new Status(job.id, job.total, job.processed.get(), job.registered.size(), job.refused.size(),
                    job.getPercent(), job.done);
        }
    }

    /** A sheet's row as read: its number (1 for the heading) and its fields. */
    record SheetRow(int number, Map<String, Object> fields) {}

    /**
     * Reads the sheet now (a file that is no spreadsheet is refused at once) and registers its rows
     * in the background.
     *
     * @throws InvalidInputException when the file cannot be read or has no rows
     */
    public Job start(String fileName, byte[] content, Actor actor) {
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以导入纸质提案");
        }
        List<SheetRow> rows = read(content);
        Job job = new Job(UUID.randomUUID().toString(), actor.userId(), fileName == null ? "" : fileName, Instant.now(),
                rows.size());
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        worker.submit(() -> run(job, rows, actor));
        return job;
    }

    /** The job, for the user who started it only. */
    public Job job(String id, Actor actor) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(actor.userId())) {
            throw new NotFoundException("没有该导入任务：" + id);
        }
        return job;
    }

    public List<Job> jobsOf(Actor actor) {
        synchronized (jobs) {
            List<Job> mine = new ArrayList<>(jobs.values().stream().filter(j -> j.owner.equals(actor.userId())).toList());
            Collections.reverse(mine);
            return mine;
        }
    }

    private void run(Job job, List<SheetRow> rows, Actor actor) {
        // The rows are registered as the office user who uploaded them, as their API calls would be.
        identityService.setAuthentication(actor.userId(), actor.groups());
        try {
            for (SheetRow row : rows) {
                register(job, row, actor);
                job.processed.incrementAndGet();
            }
        } finally {
            identityService.clearAuthentication();
            job.done = true;
        }
    }

    private void register(Job job, SheetRow row, Actor actor) {
        Object title = row.fields().get("title");
        String titleText = title instanceof String s ? s : "";
        try {
            Proposal proposal = submissions.submit(row.fields(), actor);
            job.registered.add(new Registered(row.number(), proposal.getId(), proposal.getSerialNo(), proposal.getTitle()));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidInputException) && !(cause instanceof ForbiddenException)) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidInputException invalid) {
                job.refused.add(new Refusal(row.number(), titleText, List.of(invalid.getMessage().split("；"))));
            } else if (cause != null) {
                job.refused.add(new Refusal(row.number(), titleText, List.of(cause.getMessage())));
            } else {
                log.error("Paper import: row {} of {} failed", row.number(), job.fileName, e);
                job.refused.add(new Refusal(row.number(), titleText, List.of("系统错误，请联系管理员")));
            }
        }
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
