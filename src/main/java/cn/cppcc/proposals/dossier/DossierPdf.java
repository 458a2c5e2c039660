package cn.cppcc.proposals.dossier;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import cn.cppcc.proposals.shared.CodeLabels;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dossier with its timeline as a PDF for the archive (档案). The Chinese font is Adobe's
 * STSong-Light with the UniGB-UCS2-H encoding, whose metrics and CMaps ship in OpenPDF's own jar:
 * nothing to install, and the text is extractable; the glyphs come from the reader's CJK fonts (every
 * PDF reader that shows Chinese has them), so the file stays small.
 */
final class DossierPdf {

    private DossierPdf() {
    }

    /**
     * @param names    people and units by name
     * @param timeline the business events, and the 技术明细 when an auditor asked for it
     */
    static byte[] write(Dossier d, List<ProposalHistory.Entry> timeline, AuditTexts.Reading names, ZoneId zone,
            String by, Instant at, String chainHead) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font title = new Font(song, 16, Font.BOLD);
            Font heading = new Font(song, 12, Font.BOLD);
            Font text = new Font(song, 10);
            Font small = new Font(song, 8);
            PdfWriter.getInstance(document, out);
            document.addTitle("提案档案：" + d.title());
            document.addCreator("政协提案办理系统");
            document.open();
            Paragraph head = new Paragraph("提案档案", title);
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            document.add(new Paragraph(" ", text));

            PdfPTable fields = new PdfPTable(new float[] {1, 3});
            fields.setWidthPercentage(100);
            row(fields, "提案号", (d.number() == null ? "（未立案）" : d.number()) + "（流水号" + d.serialNo() + "）", text);
            row(fields, "案由", d.title(), text);
            row(fields, "提案者", d.proposerName() + "（" + CodeLabels.of("proposerType", d.proposerType()) + "）", text);
            row(fields, "联名人", d.coProposers().isEmpty() ? "无"
                    : d.coProposers().stream().map(names::person).collect(Collectors.joining("、")), text);
            row(fields, "届次", (d.sessionName() == null ? d.session() : d.sessionName()) + "（"
                    + CodeLabels.of("kind", d.kind()) + "）", text);
            row(fields, "类别", d.category() == null ? "" : d.category(), text);
            row(fields, "重点提案", d.key() ? "是（督办领导：" + names.person(d.supervisor()) + "）" : "否", text);
            row(fields, "状态", CodeLabels.of("status", d.status()), text);
            row(fields, "提交时间", time.format(d.createdAt()), text);
            row(fields, "立案时间", d.filedAt() == null ? "" : time.format(d.filedAt()), text);
            row(fields, "办结时间", d.closedAt() == null ? "" : time.format(d.closedAt()), text);
            document.add(fields);

            section(document, "案据", heading);
            document.add(new Paragraph(d.background(), text));
            section(document, "办法", heading);
            document.add(new Paragraph(d.suggestions(), text));

            if (!d.reviews().isEmpty()) {
                section(document, "审查", heading);
                for (Dossier.ReviewView r : d.reviews()) {
                    document.add(new Paragraph(time.format(r.at()) + " " + names.person(r.reviewer()) + "："
                            + CodeLabels.of("decision", r.decision())
                            + (r.rejectGround() == null ? "" : "（" + CodeLabels.of("rejectGround", r.rejectGround()) + "）")
                            + (r.comment() == null ? "" : "。" + r.comment()), text));
                }
            }
            for (Dossier.UnitView u : d.units()) {
                section(document, "承办单位：" + u.name() + "（" + CodeLabels.of("unitRole", u.role()) + "，"
                        + CodeLabels.of("unitStatus", u.status()) + "）", heading);
                document.add(new Paragraph(("CO".equals(u.role()) ? "会办意见期限：" : "答复期限：") + u.deadline()
                        + "；办理轮次：第" + u.round() + "轮", text));
                for (Dossier.ConsultationView c : u.consultations()) {
                    document.add(new Paragraph("协商（" + CodeLabels.of("method", c.method()) + "，" + c.date() + "，参加："
                            + c.participants() + "）：" + c.summary(), text));
                }
                if (u.opinion() != null) {
                    document.add(new Paragraph("会办意见：" + u.opinion().text(), text));
                }
                for (Dossier.ReplyView r : u.replies()) {
                    if (r.sentAt() != null) {
                        document.add(new Paragraph("答复（第" + r.round() + "轮，" + r.classification() + "类，"
                                + time.format(r.sentAt()) + "送达，签发人：" + names.person(r.signedBy()) + "）：" + r.text(), text));
                    }
                    if (r.feedback() != null) {
                        document.add(new Paragraph("评价：" + CodeLabels.of("rating", r.feedback().rating())
                                + (r.feedback().faceToFace() == null ? "" : r.feedback().faceToFace() ? "（已见面协商）" : "（未见面协商）")
                                + (r.feedback().comment() == null ? "" : "。" + r.feedback().comment()), text));
                    }
                }
            }

            boolean technical = timeline.stream().anyMatch(ProposalHistory.Entry::technical);
            section(document, technical ? "办理过程（含技术明细）" : "办理过程", heading);
            PdfPTable lines = new PdfPTable(new float[] {2.2f, 1.6f, 3f, 5f});
            lines.setWidthPercentage(100);
            lines.setHeaderRows(1);
            for (String label : List.of("时间", "操作人", "操作", "详情")) {
                lines.addCell(new PdfPCell(new Phrase(label, small)));
            }
            for (ProposalHistory.Entry e : timeline) {
                lines.addCell(new PdfPCell(new Phrase(time.format(e.at()), small)));
                lines.addCell(new PdfPCell(new Phrase(e.actorName(), small)));
                lines.addCell(new PdfPCell(new Phrase(e.action(), small)));
                lines.addCell(new PdfPCell(new Phrase(e.detail() == null ? "" : e.detail(), small)));
            }
            document.add(lines);
            document.add(new Paragraph(" ", small));
            document.add(new Paragraph("本档案由" + names.person(by) + "于" + time.format(at) + "导出。审计记录链："
                    + chainHead, small));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void section(Document document, String title, Font font) {
        Paragraph p = new Paragraph(title, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        table.addCell(new PdfPCell(new Phrase(label, font)));
        table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, font)));
    }
}
