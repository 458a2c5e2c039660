package cn.cppcc.proposals.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail for readers in other modules: a proposal's records, and the chain's head. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private final AuditEvents events;
    private final JdbcTemplate jdbc;

    AuditLog(AuditEvents events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** A proposal's records, oldest first. */
    public List<AuditRecord> ofProposal(long proposalId) {
        return events.ofProposal(proposalId);
    }

    /** The chain's newest record, as a reader can cite it: 第N条，哈希… */
    public String head() {
        return jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1",
                (rs, n) -> "第" + rs.getLong(1) + "条，哈希" + rs.getString(2));
    }
}
