package fr.rep.caseengine.query.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report as a printable page in French: title, scope, the table of {@link ReportTable} with one column per team
 * and the whole service, and the comparison with the previous years that have activity. Numbers in French format
 * (non-breaking space between thousands, "32 %").
 */
final class ReportPdf {

    static final String TITLE = "Bilan d'activité";

    private static final Font TITLE_FONT = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font SUBTITLE_FONT = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font HEADER_FONT = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font CELL_FONT = new Font(Font.HELVETICA, 8, Font.NORMAL);
    private static final Color HEADER_BACKGROUND = new Color(225, 232, 240);

    private ReportPdf() {
    }

    static byte[] write(int year, String scopeLabel, LocalDate referenceDate, List<String> columnLabels,
                        List<ReportTable.Row> rows, List<Integer> comparedYears, List<ReportTable.Row> comparison) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, pdf);
        document.addTitle(TITLE + " " + year + " — " + scopeLabel);
        document.open();
        document.add(new Paragraph(TITLE + " " + year + " — Relais Enfants Parents", TITLE_FONT));
        document.add(new Paragraph(scopeLabel + " — année civile " + year + ", âges au "
                + referenceDate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), SUBTITLE_FONT));
        document.add(new Paragraph(" ", SUBTITLE_FONT));
        document.add(table(columnLabels, rows));
        if (comparedYears.size() > 1) {
            document.add(new Paragraph(" ", SUBTITLE_FONT));
            document.add(new Paragraph("Comparatif " + comparedYears.get(0) + "–"
                    + comparedYears.get(comparedYears.size() - 1), SUBTITLE_FONT));
            document.add(table(comparedYears.stream().map(String::valueOf).toList(), comparison));
        }
        document.add(new Paragraph("Effectifs seuls, sans donnée personnelle ; un petit effectif peut toutefois "
                + "désigner une famille : diffuser avec discernement.", CELL_FONT));
        document.close();
        return pdf.toByteArray();
    }

    private static PdfPTable table(List<String> columnLabels, List<ReportTable.Row> rows) {
        PdfPTable table = new PdfPTable(2 + columnLabels.size());
        float[] widths = new float[2 + columnLabels.size()];
        widths[0] = 4;
        widths[1] = 4;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = 1.6f;
        }
        table.setWidths(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(header("Rubrique"));
        table.addCell(header("Détail"));
        columnLabels.forEach(label -> table.addCell(header(label)));
        String previousSection = null;
        for (ReportTable.Row row : rows) {
            table.addCell(cell(row.section().equals(previousSection) ? "" : row.section(), Element.ALIGN_LEFT));
            previousSection = row.section();
            table.addCell(cell(row.detail(), Element.ALIGN_LEFT));
            boolean percent = row.detail().equals("%") || row.section().endsWith("(%)");
            row.values().forEach(value -> table.addCell(cell(number(value, percent), Element.ALIGN_RIGHT)));
        }
        return table;
    }

    static String number(Long value, boolean percent) {
        if (value == null) {
            return "—";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00A0');
        String formatted = new DecimalFormat("#,##0", symbols).format(value);
        return percent ? formatted + "\u00A0%" : formatted;
    }

    private static PdfPCell header(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, HEADER_FONT));
        cell.setBackgroundColor(HEADER_BACKGROUND);
        return cell;
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, CELL_FONT));
        cell.setHorizontalAlignment(alignment);
        return cell;
    }
}
