package fr.rep.caseengine.query.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as CSV for a spreadsheet: semicolon-separated (as French spreadsheets expect), UTF-8, CRLF line ends,
 * one header line then one line per row of {@link ReportTable}, whole numbers without grouping, an empty cell where
 * a value cannot be computed. Nothing in it depends on when it was asked: the same events give the same bytes.
 */
final class ReportCsv {

    private ReportCsv() {}

    static byte[] write(List<String> columnLabels, List<ReportTable.Row> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append("Rubrique;Détail");
        columnLabels.forEach(label -> csv.append(';').append(cell(label)));
        csv.append("\r\n");
        for (ReportTable.Row row : rows) {
            csv.append(cell(row.section())).append(';').append(cell(row.detail()));
            row.values().forEach(value -> csv.append(';').append(value == null ? "" : value.toString()));
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        if (text.contains(";") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
