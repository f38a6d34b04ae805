package org.piiscanner.scanner.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a labelled corpus in presidio-research's format (e.g. {@code generated_large.json}): a JSON list of
 * {@code {"full_text": ..., "spans": [{"entity_type", "entity_value", "start_position", "end_position"}]}}, end
 * exclusive. Other fields ({@code masked}, {@code template_id}, ...) are ignored.
 *
 * <p>Strict: a span outside its text, or whose {@code entity_value} (when present) differs from the text it
 * covers, is an error naming the record, so a corpus with shifted offsets cannot produce silently wrong figures.
 * Stateless and thread-safe.
 */
public final class PresidioDatasetReader {

    private PresidioDatasetReader() {
    }

    /**
     * Reads the corpus.
     *
     * @throws EvalInputException if the file is missing or unreadable, is not JSON, or a record is malformed
     */
    public static List<LabelledText> read(Path file) {
        return parse(JsonFields.readFile(file, "Presidio dataset"), file.toString());
    }

    /** Parses corpus JSON; {@code name} identifies the source in error messages. */
    public static List<LabelledText> parse(String json, String name) {
        JsonNode root = JsonFields.parse(json, name);
        if (!root.isArray()) {
            throw new EvalInputException(name + ": expected a JSON list of records with 'full_text' and 'spans'");
        }
        List<LabelledText> out = new ArrayList<>(root.size());
        int index = 0;
        for (JsonNode record : root) {
            out.add(record(record, name + ": record " + index));
            index++;
        }
        return List.copyOf(out);
    }

    private static LabelledText record(JsonNode record, String where) {
        if (!record.isObject()) {
            throw new EvalInputException(where + ": expected an object");
        }
        String text = JsonFields.string(record, "full_text", where);
        List<Span> gold = new ArrayList<>();
        int i = 0;
        for (JsonNode span : JsonFields.array(record, "spans", where)) {
            String at = where + ", span " + i++;
            if (!span.isObject()) {
                throw new EvalInputException(at + ": expected an object");
            }
            String type = JsonFields.string(span, "entity_type", at);
            int start = JsonFields.integer(span, "start_position", at);
            int end = JsonFields.integer(span, "end_position", at);
            if (start < 0 || end <= start || end > text.length()) {
                throw new EvalInputException(at + ": bad offsets [" + start + ", " + end + ") for a text of "
                        + text.length() + " characters");
            }
            String value = JsonFields.optionalString(span, "entity_value", at);
            if (value != null && !value.equals(text.substring(start, end))) {
                throw new EvalInputException(at + ": 'entity_value' does not match the text at [" + start + ", "
                        + end + ")");
            }
            gold.add(new Span(type, start, end));
        }
        return new LabelledText(text, gold);
    }
}
