package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.AuditedEvent;
import cn.cppcc.proposals.shared.CodeLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rule 6: a unit recorded a consultation with the proposer (whichever door it came through). */
public record ConsultationRecorded(long proposalId, String unitCode, String unitName, Consultation consultation)
        implements AuditedEvent {

    @Override
    public AuditNote auditNote() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("method", consultation.getMethod().name());
        given.put("date", consultation.getHeldOn().toString());
        given.put("participants", consultation.getParticipants());
        given.put("summary", consultation.getSummary());
        return AuditNote.of(AuditAction.CONSULTATION_RECORDED, proposalId, unitCode, "consultation:" + consultation.getId(),
                "承办单位：" + unitName).named("记录协商：" + CodeLabels.label(consultation.getMethod().name())).withFields(given);
    }
}
