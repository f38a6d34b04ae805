package org.piiscanner.scanner.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads Presidio recognizer test vectors from JSONL, one case per line: {@code source_file}, {@code test_function},
 * {@code recognizer} (may be null), {@code entities} (may be null), {@code text}, {@code expected_len}, and the
 * expected offsets as {@code expected_positions} or {@code expected_res} (lists of {@code [start, end]}), optionally
 * {@code expected_score_ranges} (pairs whose upper bound may be the string {@code "max"}).
 *
 * <p>When {@code expected_len} is missing the number of expected offsets is used; a case with neither records no
 * expectation ({@link VectorCase#NO_EXPECTATION}; Presidio's sanitiser tests look like that). Blank lines are
 * skipped. Stateless and thread-safe.
 */
public final class VectorFileReader {

    private VectorFileReader() {
    }

    /**
     * Reads the cases.
     *
     * @throws EvalInputException if the file is missing or unreadable or a line is not a valid case
     */
    public static List<VectorCase> read(Path file) {
        return parse(JsonFields.readFile(file, "test-vector file"), file.toString());
    }

    /** Parses JSONL text; {@code name} identifies the source in error messages. */
    public static List<VectorCase> parse(String jsonl, String name) {
        List<VectorCase> out = new ArrayList<>();
        String[] lines = jsonl.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = name + ":" + (i + 1);
            JsonNode node = JsonFields.parse(lines[i], where);
            if (!node.isObject()) {
                throw new EvalInputException(where + ": expected a JSON object per line");
            }
            out.add(vectorCase(node, i + 1, where));
        }
        return List.copyOf(out);
    }

    private static VectorCase vectorCase(JsonNode node, int line, String where) {
        String source = JsonFields.string(node, "source_file", where);
        String function = JsonFields.string(node, "test_function", where);
        String recognizer = JsonFields.optionalString(node, "recognizer", where);
        String text = JsonFields.string(node, "text", where);
        List<String> entities = new ArrayList<>();
        JsonNode ents = node.get("entities");
        if (ents != null && !ents.isNull()) {
            if (!ents.isArray()) {
                throw new EvalInputException(where + ": 'entities' must be a list");
            }
            for (JsonNode e : ents) {
                if (!e.isString()) {
                    throw new EvalInputException(where + ": 'entities' must hold strings");
                }
                entities.add(e.stringValue());
            }
        }
        List<VectorCase.Offsets> offsets = offsets(node, text, where);
        JsonNode len = node.get("expected_len");
        int count;
        if (len == null || len.isNull()) {
            count = offsets.isEmpty() ? VectorCase.NO_EXPECTATION : offsets.size();
        } else {
            count = JsonFields.asInt(len, where + ": 'expected_len'");
            if (count < 0) {
                throw new EvalInputException(where + ": 'expected_len' must not be negative");
            }
        }
        return new VectorCase(line, source, function, recognizer, entities, text, count, offsets,
                maxScore(node, where));
    }

    private static List<VectorCase.Offsets> offsets(JsonNode node, String text, String where) {
        JsonNode list = node.get("expected_positions");
        String field = "expected_positions";
        if (list == null || list.isNull()) {
            list = node.get("expected_res");
            field = "expected_res";
        }
        List<VectorCase.Offsets> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new EvalInputException(where + ": '" + field + "' must be a list");
        }
        for (JsonNode pair : list) {
            if (!pair.isArray() || pair.size() != 2) {
                throw new EvalInputException(where + ": '" + field + "' entries must be [start, end]");
            }
            int start = JsonFields.asInt(pair.get(0), where + ": '" + field + "' start");
            int end = JsonFields.asInt(pair.get(1), where + ": '" + field + "' end");
            if (start < 0 || end <= start || end > text.length()) {
                throw new EvalInputException(where + ": bad offsets [" + start + ", " + end + ") for a text of "
                        + text.length() + " characters");
            }
            out.add(new VectorCase.Offsets(start, end));
        }
        return out;
    }

    private static double maxScore(JsonNode node, String where) {
        JsonNode ranges = node.get("expected_score_ranges");
        if (ranges == null || ranges.isNull() || !ranges.isArray() || ranges.isEmpty()) {
            return Double.NaN;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode range : ranges) {
            if (!range.isArray() || range.size() != 2) {
                throw new EvalInputException(where + ": 'expected_score_ranges' entries must be [low, high]");
            }
            JsonNode high = range.get(1);
            double h;
            if (high.isNumber()) {
                h = high.doubleValue();
            } else if (high.isString() && high.stringValue().equals("max")) {
                h = 1.0;
            } else {
                throw new EvalInputException(where + ": score bound must be a number or \"max\"");
            }
            max = Math.max(max, h);
        }
        return max;
    }
}
