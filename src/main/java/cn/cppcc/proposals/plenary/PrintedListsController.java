package cn.cppcc.proposals.plenary;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md "The plenary week": a unit's 交办单 ({@code GET /api/units/{code}/dispatch-list}), one per
 * unit in a zip ({@code GET /api/sessions/{code}/dispatch-lists.zip}) and a session's 立案目录
 * ({@code GET /api/sessions/{code}/catalogue}). The pages call these methods, so that they allow
 * exactly what the API allows.
 */
@RestController
public class PrintedListsController {

    private final PrintedLists lists;
    private final Catalog catalog;
    private final CurrentActor currentActor;

    PrintedListsController(PrintedLists lists, Catalog catalog, CurrentActor currentActor) {
        this.lists = lists;
        this.catalog = catalog;
        this.currentActor = currentActor;
    }

    /** The 交办单 of a unit; {@code session} defaults to the current one, {@code format} to pdf. */
    @GetMapping("/api/units/{code}/dispatch-list")
    public ResponseEntity<byte[]> dispatchList(@PathVariable String code,
            @RequestParam(required = false) String session, @RequestParam(required = false) String format) {
        String kind = format(format, "pdf", "xlsx");
        PrintedLists.DispatchList list = lists.dispatchList(code, session(session), currentActor.get());
        String name = "交办单-" + list.unitName() + "-" + list.sessionCode();
        return kind.equals("pdf") ? file(PrintedDocuments.dispatchPdf(list), PrintedDocuments.PDF, name + ".pdf")
                : file(PrintedDocuments.dispatchXlsx(list), PrintedDocuments.XLSX, name + ".xlsx");
    }

    /** Every unit's 交办单 of the session, one file each, after a 集中交办: the office only. */
    @GetMapping("/api/sessions/{code}/dispatch-lists.zip")
    public ResponseEntity<byte[]> dispatchLists(@PathVariable String code,
            @RequestParam(required = false) String format) {
        String kind = format(format, "pdf", "xlsx");
        Actor actor = currentActor.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (String unit : lists.unitsWithLists(code, actor)) {
                PrintedLists.DispatchList list = lists.dispatchList(unit, code, actor);
                zip.putNextEntry(new ZipEntry("交办单-" + list.unitName() + "-" + list.sessionCode() + "." + kind));
                zip.write(kind.equals("pdf") ? PrintedDocuments.dispatchPdf(list) : PrintedDocuments.dispatchXlsx(list));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file(out.toByteArray(), "application/zip", "交办单-" + code + "." + kind + ".zip");
    }

    /** The 立案目录 of a session, {@code format} docx (default) or xlsx: the office and auditors. */
    @GetMapping("/api/sessions/{code}/catalogue")
    public ResponseEntity<byte[]> catalogue(@PathVariable String code, @RequestParam(required = false) String format) {
        String kind = format(format, "docx", "xlsx");
        PrintedLists.Catalogue catalogue = lists.catalogue(code, currentActor.get());
        String name = "立案目录-" + catalogue.sessionCode();
        return kind.equals("docx") ? file(PrintedDocuments.catalogueDocx(catalogue), PrintedDocuments.DOCX, name + ".docx")
                : file(PrintedDocuments.catalogueXlsx(catalogue), PrintedDocuments.XLSX, name + ".xlsx");
    }

    private String session(String code) {
        if (code != null && !code.isBlank()) {
            return code;
        }
        return catalog.currentSession().map(CommitteeSession::getCode)
                .orElseThrow(() -> new NotFoundException("没有当前届次"));
    }

    /** The format asked for: one of {@code allowed}, the first by default; else 400 naming {@code format}. */
    private static String format(String format, String... allowed) {
        if (format == null || format.isBlank()) {
            return allowed[0];
        }
        for (String kind : allowed) {
            if (kind.equals(format.strip().toLowerCase())) {
                return kind;
            }
        }
        throw new InvalidInputException("format", "取值无效，可选：" + String.join("、", allowed));
    }

    private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName(name)
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(content);
    }

    /** The file name for clients that know no UTF-8 names: its extension after a plain stem. */
    private static String asciiName(String name) {
        return "plenary" + name.substring(name.indexOf('.'));
    }
}
