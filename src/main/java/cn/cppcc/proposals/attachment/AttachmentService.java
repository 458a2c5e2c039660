package cn.cppcc.proposals.attachment;

import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and reads attachments; the caller has checked who may. */
@Service
public class AttachmentService {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_PER_PROPOSAL = 30;
    static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final ProposalClock clock;
    private final ApplicationEventPublisher events;

    AttachmentService(JdbcClient jdbc, ProposalClock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record AttachmentInfo(long id, String fileName, String contentType, long size, String sha256,
                                 String uploadedBy, Instant uploadedAt) {}

    public record AttachmentFile(AttachmentInfo info, byte[] content) {}

    @Transactional
    public AttachmentInfo store(long proposalId, String originalName, byte[] content, String uploadedBy) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "文件为空");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "文件不能超过20MB");
        }
        String name = sanitise(originalName);
        FileType type = FileType.detect(content, name)
                .orElseThrow(() -> new InvalidInputException("file", "只接受PDF、图片（PNG、JPEG、GIF）、Word和Excel文件"));
        long count = jdbc.sql("select count(*) from attachments where proposal_id = ?").param(proposalId)
                .query(Long.class).single();
        if (count >= MAX_PER_PROPOSAL) {
            throw new InvalidInputException("file", "每件提案最多" + MAX_PER_PROPOSAL + "个附件");
        }
        name = withExtension(name, type);
        String sha256 = sha256(content);
        Instant now = clock.now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into attachments (proposal_id, file_name, content_type, size_bytes, sha256, content, uploaded_by,"
                        + " uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(proposalId, name, type.contentType(), (long) content.length, sha256, content, uploadedBy,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        events.publishEvent(new AttachmentAdded(id, proposalId, name, type.contentType(), content.length, sha256));
        return new AttachmentInfo(id, name, type.contentType(), content.length, sha256, uploadedBy, now);
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(long proposalId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from attachments"
                        + " where proposal_id = ? order by id")
                .param(proposalId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public AttachmentFile read(long proposalId, long attachmentId) {
        AttachmentInfo info = list(proposalId).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("没有该附件：" + attachmentId));
        byte[] content = jdbc.sql("select content from attachments where id = ?").param(attachmentId)
                .query((rs, n) -> rs.getBytes(1)).single();
        return new AttachmentFile(info, content);
    }

    /** Keeps letters (any script), digits and a few marks; no paths, no control characters. */
    static String sanitise(String originalName) {
        String name = originalName == null ? "" : Normalizer.normalize(originalName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N}._()（）\\- ]", "_").replaceAll("^[.\\s_]+", "").strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() ? "附件" : name;
    }

    private static String withExtension(String name, FileType type) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "." + type.extension();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
