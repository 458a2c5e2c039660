package cn.cppcc.proposals.attachment;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/proposals/{id}/attachments}: the proposer, the office and the proposal's units add
 * and read files; auditors read them.
 */
@RestController
class AttachmentController {

    private final AttachmentService attachments;
    private final ProposalAccess access;
    private final CurrentActor currentActor;

    AttachmentController(AttachmentService attachments, ProposalAccess access, CurrentActor currentActor) {
        this.attachments = attachments;
        this.access = access;
        this.currentActor = currentActor;
    }

    @PostMapping(path = "/api/proposals/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentService.AttachmentInfo> upload(@PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        Actor actor = currentActor.get();
        Proposal proposal = access.requireVisible(id, actor);
        boolean mayAdd = actor.isOffice() || proposal.getProposer().equals(actor.userId())
                || !ProposalAccess.unitsOf(actor).isEmpty();
        if (!mayAdd) {
            throw new ForbiddenException("只有提案者、提案委员会和承办单位可以上传附件");
        }
        if (file == null) {
            throw new InvalidInputException("file", "必须上传文件");
        }
        var stored = attachments.store(id, file.getOriginalFilename(), file.getBytes(), actor.userId());
        return ResponseEntity.created(URI.create("/api/proposals/" + id + "/attachments/" + stored.id())).body(stored);
    }

    @GetMapping("/api/proposals/{id}/attachments")
    List<AttachmentService.AttachmentInfo> list(@PathVariable long id) {
        access.requireVisible(id, currentActor.get());
        return attachments.list(id);
    }

    @GetMapping("/api/proposals/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        access.requireVisible(id, currentActor.get());
        var file = attachments.read(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
