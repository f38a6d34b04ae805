package org.piiscanner.scanner.subject;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of an {@link ErasureReport}, the part of a report file that is signed. Stateless. */
final class ReportJson {

    /** Identifies the report format and its version. */
    static final String FORMAT = "pii-scanner erasure verification 1";

    private ReportJson() {
    }

    /** The report as pretty-printed UTF-8 JSON ending with a newline. */
    static byte[] of(ErasureReport r) {
        JsonMapper json = JsonMapper.shared();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("request_id", r.requestId());
        root.put("requested_at", r.requestedAt().toString());
        root.put("requested_by", r.requestedBy());
        root.put("verified_at", r.verifiedAt().toString());
        root.put("verified_by", r.verifiedBy());
        root.put("hmac_key_id", r.hmacKeyId());
        root.put("signing_key_id", r.signingKeyId());
        ArrayNode ids = root.putArray("identifiers");
        for (ErasureReport.IdentifierHash i : r.identifiers()) {
            ids.addObject().put("number", i.number()).put("type", i.type()).put("hash", i.hash());
        }
        root.put("verdict", r.verdict().name());
        ObjectNode summary = root.putObject("summary");
        summary.put("locations", r.tally().total());
        summary.put("gone", r.tally().gone());
        summary.put("location_missing", r.tally().missing());
        summary.put("still_present", r.tally().present());
        summary.put("unverified", r.tally().unverified());
        summary.put("excluded", r.tally().excluded());
        summary.put("found_only_by_searching_again", r.tally().newLocations());
        summary.put("search_again_truncated", r.searchTruncated());
        ArrayNode locations = root.putArray("locations");
        for (ErasureReport.LocationCheck c : r.locations()) {
            SubjectLocation l = c.location();
            ObjectNode o = locations.addObject();
            o.put("location", l.display());
            o.put("kind", l.kind().label());
            o.put("source", l.source());
            o.put("path", l.path());
            if (l.kind() == LocationKind.FILE) {
                o.put("file", l.root());
                if (l.embeddedPath() != null) {
                    o.put("embedded_path", l.embeddedPath());
                }
            } else {
                o.put("table", l.table());
                o.put("row_key", l.rowKey());
            }
            o.put("found_by", c.foundBy());
            ArrayNode m = o.putArray("matched_at_request");
            c.matchedAtRequest().forEach(m::add);
            o.put("status", c.status().name());
            o.put("detail", c.detail());
            ArrayNode still = o.putArray("still_matched");
            c.stillMatched().forEach(still::add);
            o.put("score_now", c.score());
            o.put("still_indexed", c.indexed());
        }
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
