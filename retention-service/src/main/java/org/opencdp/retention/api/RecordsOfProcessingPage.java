package org.opencdp.retention.api;

import java.util.stream.Collectors;

import org.opencdp.retention.domain.RecordOfProcessing;
import org.opencdp.retention.domain.RecordOfProcessing.Activity;
import org.opencdp.retention.domain.RecordOfProcessing.PersonalData;
import org.opencdp.retention.domain.RetentionPolicy;

/**
 * The record of processing as a page the dpo can read, print or file. Every value is escaped: the texts come from
 * services, the purpose catalog, policies and configuration, none of which is markup.
 */
final class RecordsOfProcessingPage {

    private RecordsOfProcessingPage() {}

    static String render(RecordOfProcessing r) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Record of processing activities (GDPR Art. 30)</title>")
                .append("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;line-height:1.4}")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}")
                .append("th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#eee}.gap{color:#a00}</style></head><body>\n")
                .append("<h1>Record of processing activities (GDPR Art. 30)</h1>\n<p>Generated ")
                .append(e(r.generatedAt().toString()))
                .append(" from the running services, the purpose catalog and the retention policies.</p>\n");
        if (!r.gaps().isEmpty()) {
            html.append("<h2 class=\"gap\">Gaps</h2><ul class=\"gap\">");
            r.gaps().forEach(g -> html.append("<li>").append(e(g)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<h2>Controller</h2>").append(party(r.controller()));
        html.append("<h2>Data protection officer</h2>").append(party(r.dataProtectionOfficer()));
        for (Activity a : r.activities()) {
            html.append("<h2>Purpose: ")
                    .append(e(a.purpose()))
                    .append("</h2>\n<table>")
                    .append(row("Legal basis", a.legalBasis() + " (" + a.legalBasisSource() + ")"))
                    .append(row(
                            "Categories of data subjects",
                            a.subjectCategories().stream().map(Enum::name).collect(Collectors.joining(", "))))
                    .append(row(
                            "Processors",
                            a.processors().isEmpty()
                                    ? "none"
                                    : a.processors().stream()
                                            .map(p -> p.name() + " (" + p.country() + "): " + p.service())
                                            .collect(Collectors.joining("; "))))
                    .append(row(
                            "Transfers to third countries",
                            a.thirdCountryTransfers().isEmpty()
                                    ? "none"
                                    : a.thirdCountryTransfers().stream()
                                            .map(t -> t.recipient() + " (" + t.country() + "): " + t.safeguard())
                                            .collect(Collectors.joining("; "))))
                    .append(row(
                            "Internal flows (the platform's own services)", String.join(", ", a.internalServices())))
                    .append("</table>\n<table><tr><th>Service</th><th>Personal data</th><th>Retention</th>")
                    .append("<th>Legal reference</th></tr>");
            for (PersonalData d : a.personalData()) {
                html.append("<tr><td>")
                        .append(e(d.service()))
                        .append("</td><td><b>")
                        .append(e(d.category()))
                        .append("</b>: ")
                        .append(e(d.description()))
                        .append("</td><td>")
                        .append(e(retention(d)))
                        .append("</td><td>")
                        .append(e(d.legalReference() == null ? "" : d.legalReference()))
                        .append("</td></tr>");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Retention policies</h2>\n<table><tr><th>Category</th><th>Period</th><th>Starts with</th>")
                .append("<th>Legal reference</th><th>Version</th></tr>");
        for (RetentionPolicy p : r.retentionPolicies()) {
            html.append("<tr><td>")
                    .append(e(p.category()))
                    .append("</td><td>")
                    .append(e(p.period() + (p.roundToEndOfYear() ? ", to the end of the year" : "")))
                    .append("</td><td>")
                    .append(e(p.startEvent()))
                    .append("</td><td>")
                    .append(e(p.legalReference()))
                    .append(p.reviewWithLegalCounsel() ? " <em>(review with legal counsel)</em>" : "")
                    .append("</td><td>")
                    .append(p.version())
                    .append("</td></tr>");
        }
        html.append("</table>\n<h2>Technical and organisational measures (Art. 32)</h2>\n<ul>");
        r.technicalAndOrganisationalMeasures()
                .forEach(m -> html.append("<li>").append(e(m)).append("</li>"));
        html.append("</ul>\n<h2>Internal data flows</h2>\n<table><tr><th>Service</th><th>Data categories</th>")
                .append("<th>Purposes</th></tr>");
        r.internalFlows()
                .forEach(f -> html.append("<tr><td>")
                        .append(e(f.service()))
                        .append("</td><td>")
                        .append(e(String.join(", ", f.categories())))
                        .append("</td><td>")
                        .append(e(String.join(", ", f.purposes())))
                        .append("</td></tr>"));
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String retention(PersonalData d) {
        if (d.period() == null) {
            return d.retention();
        }
        return d.period() + (Boolean.TRUE.equals(d.roundToEndOfYear()) ? " to the end of the year" : "") + " after "
                + d.startEvent() + " (policy " + d.retentionCategory() + ", version " + d.policyVersion() + "); "
                + d.retention();
    }

    private static String party(RecordOfProcessing.Party p) {
        return "<p>" + e(p.name()) + "<br>" + e(p.address()) + "<br>" + e(p.contact()) + "</p>\n";
    }

    private static String row(String header, String value) {
        return "<tr><th>" + e(header) + "</th><td>" + e(value) + "</td></tr>";
    }

    /** HTML-escapes text for element content and attribute values. */
    static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
