package cn.cppcc.proposals.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The allow-list of attachment types, recognised by their content (magic numbers), never by the
 * name or the type the browser claims.
 */
enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WORD("application/msword", "doc"),
    EXCEL("application/vnd.ms-excel", "xls"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    FileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<FileType> detect(byte[] content, String fileName) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (startsWith(content, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
            // Word and Excel 97-2003 share the compound file format; the name tells them apart.
            return Optional.of(fileName.toLowerCase().endsWith(".xls") ? EXCEL : WORD);
        }
        if (startsWith(content, new byte[] {'P', 'K', 0x03, 0x04})) {
            return officeOpenXml(content);
        }
        return Optional.empty();
    }

    /** A .docx or .xlsx is a zip whose parts live under word/ or xl/; any other zip is refused. */
    private static Optional<FileType> officeOpenXml(byte[] content) {
        boolean contentTypes = false;
        FileType type = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/")) {
                    type = DOCX;
                } else if (name.startsWith("xl/")) {
                    type = XLSX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return contentTypes ? Optional.ofNullable(type) : Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
