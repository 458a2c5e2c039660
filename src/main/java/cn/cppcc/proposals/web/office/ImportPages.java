package cn.cppcc.proposals.web.office;

import cn.cppcc.proposals.paperimport.PaperImport;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The upload page of the paper import, its progress (polled as JSON) and its report. */
@Controller
class ImportPages {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PaperImport paperImport;
    private final CurrentActor currentActor;

    ImportPages(PaperImport paperImport, CurrentActor currentActor) {
        this.paperImport = paperImport;
        this.currentActor = currentActor;
    }

    @GetMapping("/office/import")
    String upload(Model model) {
        model.addAttribute("jobs", paperImport.jobsOf(officeOnly()));
        return "office/import";
    }

    @GetMapping("/office/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        officeOnly();
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("纸质提案导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(PaperImport.template());
    }

    @PostMapping("/office/import")
    String start(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        Actor actor = officeOnly();
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "请选择要导入的Excel表格");
            }
            PaperImport.Job job = paperImport.start(file.getOriginalFilename(), file.getBytes(), actor);
            return "redirect:/office/import/" + job.getId();
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.errors().get(0).message());
            model.addAttribute("jobs", paperImport.jobsOf(actor));
            return "office/import";
        }
    }

    @GetMapping("/office/import/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        model.addAttribute("job", paperImport.job(jobId, officeOnly()));
        return "office/import-job";
    }

    @GetMapping(path = "/office/import/{jobId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PaperImport.Status status(@PathVariable String jobId) {
        return PaperImport.Status.of(paperImport.job(jobId, officeOnly()));
    }

    private Actor officeOnly() {
        Actor actor = currentActor.get();
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以导入纸质提案");
        }
        return actor;
    }
}
