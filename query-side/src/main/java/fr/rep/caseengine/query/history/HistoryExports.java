package fr.rep.caseengine.query.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A case history exported for auditors, as JSON or PDF. Both carry the SHA-256 of the same bytes: the entries as a
 * compact JSON array (UTF-8, no whitespace, fields in the order of {@link CaseHistoryController.Entry}, times in
 * ISO-8601 UTC). The JSON export holds that array verbatim as its {@code events} field, so
 * {@code jq -cj .events export.json | sha256sum} recomputes it; the PDF prints it on every page.
 */
@Component
class HistoryExports {

    /** Names the checksum's value in every export response. */
    static final String CHECKSUM_HEADER = "X-Events-SHA256";

    static final String FORMAT = "rep-case-history/1";
    static final String HASHED = "SHA-256 of the UTF-8 bytes of the events array exactly as written in this document "
            + "(compact JSON, no whitespace)";

    /** Its own mapper: a change to the web mapper must not change what an earlier export's checksum covered. */
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    record Export(
            UUID caseId,
            Instant exportedAt,
            String exportedBy,
            HistoryFilter filters,
            List<CaseHistoryController.Entry> events) {}

    record Checksum(String algorithm, String of, String value) {}

    record JsonExport(
            String format,
            UUID caseId,
            Instant exportedAt,
            String exportedBy,
            HistoryFilter filters,
            Checksum checksum,
            @JsonRawValue String events) {}

    ResponseEntity<byte[]> json(Export export) {
        byte[] events = canonicalEvents(export.events());
        String checksum = HexFormat.of().formatHex(sha256(events));
        byte[] body = write(new JsonExport(
                FORMAT,
                export.caseId(),
                export.exportedAt(),
                export.exportedBy(),
                export.filters(),
                new Checksum("SHA-256", HASHED, checksum),
                new String(events, StandardCharsets.UTF_8)));
        return answer(body, MediaType.APPLICATION_JSON, checksum, "historique-" + export.caseId() + ".json");
    }

    ResponseEntity<byte[]> pdf(Export export) {
        String checksum = HexFormat.of().formatHex(sha256(canonicalEvents(export.events())));
        return answer(
                pdfDocument(export, checksum),
                MediaType.APPLICATION_PDF,
                checksum,
                "historique-" + export.caseId() + ".pdf");
    }

    /** The hashed bytes. */
    byte[] canonicalEvents(List<CaseHistoryController.Entry> events) {
        return write(events);
    }

    private byte[] pdfDocument(Export export, String checksum) {
        Font title = new Font(Font.HELVETICA, 14, Font.BOLD);
        Font text = new Font(Font.HELVETICA, 9);
        Font small = new Font(Font.HELVETICA, 7);
        Font heading = new Font(Font.HELVETICA, 7, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Historique du dossier " + export.caseId());
            HeaderFooter footer = new HeaderFooter(
                    new Phrase("Empreinte SHA-256 des événements : " + checksum + "  -  page ", small), true);
            footer.setBorder(0);
            document.setFooter(footer);
            document.open();
            document.add(new Paragraph("Historique du dossier " + export.caseId(), title));
            document.add(new Paragraph("Exporté le " + export.exportedAt() + " par " + export.exportedBy(), text));
            document.add(new Paragraph("Filtres : " + describe(export.filters()), text));
            document.add(new Paragraph("Empreinte SHA-256 des événements : " + checksum, text));
            document.add(new Paragraph(
                    "Elle porte sur le tableau « events » de l'export JSON avec les mêmes filtres "
                            + "(JSON compact, UTF-8) : jq -cj .events historique.json | sha256sum",
                    small));
            document.add(new Paragraph(export.events().size() + " événement(s)", text));
            PdfPTable table = new PdfPTable(new float[] {3, 9, 11, 14, 6, 28, 12, 14});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            for (String label : List.of(
                    "N°", "Type", "Survenu le", "Enregistré le", "Auteur", "Ce qui a changé", "Motif", "Correction")) {
                table.addCell(new PdfPCell(new Phrase(label, heading)));
            }
            for (CaseHistoryController.Entry entry : export.events()) {
                for (String cell : List.of(
                        Long.toString(entry.sequence()),
                        entry.type(),
                        String.valueOf(entry.occurredAt()),
                        String.valueOf(entry.recordedAt()),
                        entry.actor() == null ? "" : entry.actor(),
                        entry.summary(),
                        entry.reason() == null ? "" : entry.reason(),
                        correction(entry))) {
                    table.addCell(new PdfPCell(new Phrase(cell, small)));
                }
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("the history PDF could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static String correction(CaseHistoryController.Entry entry) {
        String text = entry.corrects() == null ? "" : "corrige " + entry.corrects();
        if (entry.correctedBy() != null) {
            text += (text.isEmpty() ? "" : " ; ") + "annulée par " + entry.correctedBy();
        }
        return text;
    }

    private static String describe(HistoryFilter filters) {
        String axis = filters.time() == HistoryFilter.TimeAxis.OCCURRED ? "date des faits" : "date d'enregistrement";
        return "du " + (filters.from() == null ? "début" : filters.from()) + " au "
                + (filters.to() == null ? "présent" : filters.to() + " (exclu)") + " selon la " + axis
                + " ; types : " + (filters.kinds().isEmpty() ? "tous" : String.join(", ", filters.kinds()));
    }

    private static ResponseEntity<byte[]> answer(byte[] body, MediaType type, String checksum, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(CHECKSUM_HEADER, checksum)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":")
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the history export could not be written", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
