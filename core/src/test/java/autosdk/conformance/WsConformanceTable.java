package autosdk.conformance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The per-spec counts of a conformance run as the Markdown table of docs/conformance.md. */
final class WsConformanceTable {
    private WsConformanceTable() {}

    static String markdown(List<WsConformanceResult> results, Map<String, String> knownCauses) {
        StringBuilder md = new StringBuilder();
        md.append("| spec | perspective | WS clients | client messages | sent | valid | frames received | typed "
                + "correctly | Unknown as expected | open by spec | mistyped |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int[] total = new int[9];
        for (WsConformanceResult r :
                results.stream().sorted(Comparator.comparing(r -> r.spec)).toList()) {
            int[] row = {
                r.channels,
                r.clientMessages,
                r.sent,
                r.valid,
                r.serverFrames,
                r.typedCorrectly,
                r.unknownAsExpected,
                r.ambiguous,
                r.mistyped
            };
            md.append("| ").append(r.spec).append(" | ").append(r.perspective);
            for (int i = 0; i < row.length; i++) {
                md.append(" | ").append(row[i]);
                total[i] += row[i];
            }
            md.append(" |\n");
        }
        md.append("| **total** | ");
        for (int t : total) md.append(" | ").append(t);
        md.append(" |\n\n");
        long problems = results.stream().mapToLong(r -> r.problems.size()).sum();
        md.append("Problems: ").append(problems).append('\n');
        for (WsConformanceResult r : results) {
            for (String note : r.notes) {
                md.append("* note: ").append(r.spec).append(' ').append(note).append('\n');
            }
            for (WsConformanceResult.Problem p : r.problems) {
                String cause = knownCauses.get(WsConformanceTest.key(p));
                md.append("* ")
                        .append(p)
                        .append(cause == null ? "" : " — known cause: " + cause)
                        .append('\n');
            }
        }
        return md.toString();
    }
}
