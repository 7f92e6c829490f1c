package fr.rep.caseengine.query.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;

/**
 * The report as the document the service sends its funders, in French: the table on one A4 page, then the charts
 * of the published report each with its caption, then the comparison of the four years up to the one asked. The
 * fonts (DejaVu Sans, under its permissive licence in {@code fonts/}) are embedded, so the pages read the same on
 * every reader; numbers in French format (non-breaking space between thousands, "32 %").
 */
final class ReportPdf {

    static final String TITLE = "Bilan d'activité";

    private static final BaseFont REGULAR = font("fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("fonts/DejaVuSans-Bold.ttf");
    private static final Color INK = new Color(27, 27, 27);
    private static final Color MUTED = new Color(80, 80, 80);
    private static final Color HEADER_BACKGROUND = new Color(225, 232, 240);
    private static final Color[] PALETTE = {
        new Color(11, 79, 138),
        new Color(164, 0, 29),
        new Color(15, 90, 47),
        new Color(107, 63, 160),
        new Color(138, 90, 0),
        new Color(74, 74, 74)
    };
    private static final Font TITLE_FONT = new Font(BOLD, 15, Font.NORMAL, INK);
    private static final Font HEADING_FONT = new Font(BOLD, 11, Font.NORMAL, INK);
    private static final Font SUBTITLE_FONT = new Font(REGULAR, 9, Font.NORMAL, INK);
    private static final Font HEADER_FONT = new Font(BOLD, 7, Font.NORMAL, INK);
    private static final Font CELL_FONT = new Font(REGULAR, 7.5f, Font.NORMAL, INK);
    private static final Font SECTION_FONT = new Font(BOLD, 7.5f, Font.NORMAL, INK);
    private static final Font CAPTION_FONT = new Font(REGULAR, 7.5f, Font.NORMAL, MUTED);
    private static final float MARGIN = 36;

    private ReportPdf() {}

    static byte[] write(
            ActivityReportController.ActivityReport report, List<String> columnLabels, List<ReportTable.Row> rows) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        document.addTitle(TITLE + " " + report.year() + " — " + report.scope());
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
        document.open();
        document.add(new Paragraph(TITLE + " " + report.year() + " — Relais Enfants Parents", TITLE_FONT));
        Paragraph scope = new Paragraph(
                report.scope() + " — année civile " + report.year() + ", âges au "
                        + report.referenceDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                SUBTITLE_FONT);
        scope.setSpacingAfter(8);
        document.add(scope);
        document.add(table(
                columnLabels,
                rows.stream()
                        .filter(row -> !ReportTable.CHARTED_SECTIONS.contains(row.section()))
                        .toList()));
        document.add(note("Effectifs de l'année civile\u202F; pourcentages arrondis à l'unité. L'origine de la "
                + "demande, l'hébergement des enfants et la durée de suivi sont présentés en graphiques. Effectifs "
                + "seuls, sans donnée personnelle\u202F; un petit effectif peut toutefois désigner une famille\u00A0: "
                + "diffuser avec discernement."));

        document.newPage();
        document.add(heading("Graphiques — " + report.scope() + ", " + report.year()));
        PdfPTable charts = new PdfPTable(2);
        charts.setWidthPercentage(100);
        float chartWidth = (document.right() - document.left()) / 2 - 8;
        for (ReportCharts.Chart chart : report.charts()) {
            charts.addCell(chartCell(writer, chart, chartWidth));
        }
        if (report.charts().size() % 2 == 1) {
            PdfPCell empty = new PdfPCell();
            empty.setBorder(PdfPCell.NO_BORDER);
            charts.addCell(empty);
        }
        document.add(charts);

        ReportCharts.Comparison comparison = report.comparison();
        document.newPage();
        document.add(heading(comparison.title()));
        Image chart = Image.getInstance(comparisonChart(writer, comparison, document.right() - document.left()));
        chart.setAlignment(Element.ALIGN_CENTER);
        document.add(chart);
        document.add(note(comparison.caption()));
        Paragraph space = new Paragraph(" ", CELL_FONT);
        document.add(space);
        document.add(table(comparison.years().stream().map(String::valueOf).toList(), comparison.rows()));
        document.close();
        return pdf.toByteArray();
    }

    private static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING_FONT);
        // The heading's own line, then room for its descenders before what follows.
        heading.setLeading(15);
        heading.setSpacingAfter(8);
        return heading;
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text, CAPTION_FONT);
        note.setLeading(10);
        note.setSpacingBefore(4);
        return note;
    }

    /** The rows under a header; without a detail column when no row has a detail (the comparison). */
    private static PdfPTable table(List<String> columnLabels, List<ReportTable.Row> rows) {
        boolean details = rows.stream().anyMatch(row -> !row.detail().isEmpty());
        int labels = details ? 2 : 1;
        PdfPTable table = new PdfPTable(labels + columnLabels.size());
        // Narrow columns of figures leave the labels room; a team's name breaks after a dash (see header).
        float figures = 72;
        float rest = PageSize.A4.getWidth() - 2 * MARGIN - figures * columnLabels.size();
        float[] widths = new float[labels + columnLabels.size()];
        widths[0] = details ? rest * 0.44f : rest;
        if (details) {
            widths[1] = rest - widths[0];
        }
        for (int i = labels; i < widths.length; i++) {
            widths[i] = figures;
        }
        table.setTotalWidth(widths);
        table.setLockedWidth(true);
        table.setHeaderRows(1);
        table.addCell(header("Rubrique", Element.ALIGN_LEFT));
        if (details) {
            table.addCell(header("Détail", Element.ALIGN_LEFT));
        }
        // "Somme–Aisne–Oise" is one word to the layout, which would cut it anywhere: break it after its last dash.
        columnLabels.forEach(label -> table.addCell(header(
                label.length() > 14 && label.contains("–")
                        ? label.substring(0, label.lastIndexOf('–') + 1) + "\n"
                                + label.substring(label.lastIndexOf('–') + 1)
                        : label,
                Element.ALIGN_RIGHT)));
        String previousSection = null;
        for (ReportTable.Row row : rows) {
            boolean first = !row.section().equals(previousSection);
            table.addCell(cell(first ? row.section() : "", Element.ALIGN_LEFT, SECTION_FONT, first));
            previousSection = row.section();
            if (details) {
                table.addCell(cell(row.detail(), Element.ALIGN_LEFT, CELL_FONT, first));
            }
            boolean percent = row.detail().startsWith("%") || row.section().contains("(%");
            row.values()
                    .forEach(value ->
                            table.addCell(cell(number(value, percent), Element.ALIGN_RIGHT, CELL_FONT, first)));
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

    private static PdfPCell header(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, HEADER_FONT));
        cell.setBackgroundColor(HEADER_BACKGROUND);
        cell.setHorizontalAlignment(alignment);
        pad(cell);
        return cell;
    }

    private static PdfPCell cell(String text, int alignment, Font font, boolean sectionStart) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setBorderColor(new Color(190, 190, 190));
        // Rows of one section read as one block: no rule between them.
        cell.setBorder(sectionStart ? PdfPCell.BOX : PdfPCell.LEFT | PdfPCell.RIGHT | PdfPCell.BOTTOM);
        if (!sectionStart) {
            cell.setBorderColorBottom(new Color(230, 230, 230));
        }
        pad(cell);
        return cell;
    }

    private static void pad(PdfPCell cell) {
        cell.setPaddingTop(1);
        cell.setPaddingBottom(3);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
    }

    /** A chart: its title, horizontal bars with their labels and values, and its caption under it. */
    private static PdfPCell chartCell(PdfWriter writer, ReportCharts.Chart chart, float width) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPaddingBottom(14);
        cell.setPaddingRight(8);
        Paragraph title = new Paragraph(chart.title(), SECTION_FONT);
        title.setSpacingAfter(4);
        cell.addElement(title);
        cell.addElement(Image.getInstance(bars(writer, chart.bars(), width)));
        Paragraph caption = new Paragraph(chart.caption(), CAPTION_FONT);
        caption.setLeading(9.5f);
        cell.addElement(caption);
        return cell;
    }

    private static PdfTemplate bars(PdfWriter writer, List<ReportCharts.Bar> bars, float width) {
        float rowHeight = 15;
        float height = bars.size() * rowHeight + 4;
        float labelWidth = width * 0.46f;
        float valueRoom = 26;
        long most = Math.max(
                1, bars.stream().mapToLong(ReportCharts.Bar::value).max().orElse(1));
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        for (int i = 0; i < bars.size(); i++) {
            ReportCharts.Bar bar = bars.get(i);
            float top = height - i * rowHeight - 2;
            float barLength = (width - labelWidth - valueRoom) * bar.value() / most;
            template.setColorFill(PALETTE[0]);
            template.rectangle(labelWidth, top - rowHeight + 3, barLength, rowHeight - 5);
            template.fill();
            text(
                    template,
                    REGULAR,
                    7,
                    INK,
                    fitted(bar.label(), labelWidth - 4, 7),
                    labelWidth - 4,
                    top - rowHeight + 6,
                    PdfContentByte.ALIGN_RIGHT);
            text(
                    template,
                    REGULAR,
                    7,
                    INK,
                    number(bar.value(), false),
                    labelWidth + barLength + 3,
                    top - rowHeight + 6,
                    PdfContentByte.ALIGN_LEFT);
        }
        template.setColorStroke(MUTED);
        template.setLineWidth(0.5f);
        template.moveTo(labelWidth, 1);
        template.lineTo(labelWidth, height - 1);
        template.stroke();
        return template;
    }

    /** The comparison as grouped vertical bars, one group per year and one colour per figure, with a legend. */
    private static PdfTemplate comparisonChart(PdfWriter writer, ReportCharts.Comparison comparison, float width) {
        float legendHeight = 28;
        float axisHeight = 14;
        float plotHeight = 170;
        float height = legendHeight + axisHeight + plotHeight + 10;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        List<ReportTable.Row> charted = comparison.charted();
        int series = charted.size();
        int years = comparison.years().size();
        long most = Math.max(
                1,
                charted.stream()
                        .flatMap(each -> each.values().stream())
                        .mapToLong(value -> value == null ? 0 : value)
                        .max()
                        .orElse(1));
        float groupWidth = width / years;
        float barWidth = (groupWidth - 24) / series;
        float base = legendHeight + axisHeight;
        for (int y = 0; y < years; y++) {
            float left = y * groupWidth + 12;
            for (int s = 0; s < series; s++) {
                Long value = charted.get(s).values().get(y);
                float barHeight = plotHeight * (value == null ? 0 : value) / most;
                template.setColorFill(PALETTE[s % PALETTE.length]);
                template.rectangle(left + s * barWidth, base, barWidth - 2, barHeight);
                template.fill();
                text(
                        template,
                        REGULAR,
                        6,
                        INK,
                        number(value, false),
                        left + s * barWidth + (barWidth - 2) / 2,
                        base + barHeight + 2,
                        PdfContentByte.ALIGN_CENTER);
            }
            text(
                    template,
                    BOLD,
                    8,
                    INK,
                    String.valueOf(comparison.years().get(y)),
                    left + (groupWidth - 24) / 2,
                    legendHeight + 3,
                    PdfContentByte.ALIGN_CENTER);
        }
        template.setColorStroke(MUTED);
        template.setLineWidth(0.5f);
        template.moveTo(0, base);
        template.lineTo(width, base);
        template.stroke();
        float legendWidth = width / 3;
        for (int s = 0; s < series; s++) {
            float x = (s % 3) * legendWidth;
            float y = legendHeight - 11 - (s / 3) * 12;
            template.setColorFill(PALETTE[s % PALETTE.length]);
            template.rectangle(x, y, 8, 8);
            template.fill();
            text(template, REGULAR, 7.5f, INK, charted.get(s).section(), x + 12, y + 1, PdfContentByte.ALIGN_LEFT);
        }
        return template;
    }

    private static void text(
            PdfTemplate template,
            BaseFont font,
            float size,
            Color color,
            String text,
            float x,
            float y,
            int alignment) {
        template.beginText();
        template.setFontAndSize(font, size);
        template.setColorFill(color);
        template.showTextAligned(alignment, text, x, y, 0);
        template.endText();
    }

    /** The label as it fits the width, shortened with an ellipsis only when it must be. */
    private static String fitted(String label, float width, float size) {
        if (REGULAR.getWidthPoint(label, size) <= width) {
            return label;
        }
        String shortened = label;
        while (shortened.length() > 1 && REGULAR.getWidthPoint(shortened + "…", size) > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened.strip() + "…";
    }

    private static BaseFont font(String path) {
        try {
            byte[] bytes = new ClassPathResource(path).getContentAsByteArray();
            return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("the report's font " + path + " is packaged with the app", e);
        }
    }
}
