package cn.cppcc.proposals.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Attachments are checked by their content, named safely and shown only to who may see the proposal. */
class AttachmentIntegrationTest extends IntegrationTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    String attachments(long id) {
        return "/api/proposals/" + id + "/attachments";
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void proposerAttachesAPdfWhichIsServedBackAsADownload() {
        long id = proposals.submitted();
        var answer = api.upload("member1", attachments(id), "调研报告.pdf", "application/pdf", PDF);

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        assertThat(answer.get("fileName").asText()).isEqualTo("调研报告.pdf");
        assertThat(answer.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(answer.get("size").asLong()).isEqualTo(PDF.length);

        var download = api.download("office1", attachments(id) + "/" + answer.id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(proposals.dossier(id).get("attachments").findValuesAsText("fileName")).containsExactly("调研报告.pdf");
    }

    @Test
    void typeComesFromTheContentNotTheName() throws IOException {
        long id = proposals.submitted();
        byte[] exe = "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(api.upload("member1", attachments(id), "报告.pdf", "application/pdf", exe), 400, "file");
        assertProblem(api.upload("member1", attachments(id), "archive.docx", "application/zip", zip("evil.sh")), 400, "file");

        var docx = api.upload("member1", attachments(id), "建议", "application/octet-stream",
                zip("[Content_Types].xml", "word/document.xml"));
        assertThat(docx.status()).isEqualTo(201);
        assertThat(docx.get("fileName").asText()).isEqualTo("建议.docx");
        var pdfNamedAsImage = api.upload("member1", attachments(id), "scan.png", "image/png", PDF);
        assertThat(pdfNamedAsImage.get("fileName").asText()).isEqualTo("scan.pdf");
    }

    @Test
    void pathsAndOddCharactersAreTakenOutOfNames() {
        long id = proposals.submitted();
        var answer = api.upload("member1", attachments(id), "../../etc/<script>passwd.pdf", "application/pdf", PDF);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.get("fileName").asText()).isEqualTo("script_passwd.pdf");
    }

    @Test
    void emptyMissingAndWrongUploadsAreRefused() {
        long id = proposals.submitted();
        assertProblem(api.upload("member1", attachments(id), "empty.pdf", "application/pdf", new byte[0]), 400, "file");
        assertThat(api.post("member1", attachments(id), java.util.Map.of("file", "x")).status()).isEqualTo(415);
    }

    @Test
    void tooLargeFileIsRefusedWith413() {
        long id = proposals.submitted();
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        var answer = api.upload("member1", attachments(id), "big.pdf", "application/pdf", big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(api.get("member1", attachments(id)).body()).isEmpty();
    }

    @Test
    void onlyThoseWhoSeeTheProposalReachItsAttachments() {
        long id = proposals.submitted();
        long attachment = api.upload("member1", attachments(id), "a.pdf", "application/pdf", PDF).id();
        assertProblem(api.get("member2", attachments(id)), 404, null);
        assertThat(api.download("member2", attachments(id) + "/" + attachment).statusCode()).isEqualTo(404);
        assertProblem(api.upload("edu1", attachments(id), "b.pdf", "application/pdf", PDF), 404, null);
        assertThat(api.get("auditor1", attachments(id)).body().findValuesAsText("fileName")).isEqualTo(List.of("a.pdf"));
        assertProblem(api.upload("auditor1", attachments(id), "c.pdf", "application/pdf", PDF), 403, null);
        assertProblem(api.get("office1", attachments(id) + "/999999"), 404, null);
    }
}
