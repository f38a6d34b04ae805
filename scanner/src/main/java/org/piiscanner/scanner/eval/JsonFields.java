package org.piiscanner.scanner.eval;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strict field access for the evaluation readers: every problem names the file, the record and the field. */
final class JsonFields {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonFields() {
    }

    /** Reads a whole UTF-8 file, turning file-system errors into {@link EvalInputException}s naming the file. */
    static String readFile(Path file, String what) {
        try {
            if (Files.isDirectory(file)) {
                throw new EvalInputException(what + " is a directory, not a file: " + file);
            }
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EvalInputException(what + " not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new EvalInputException(what + " is not readable: " + file, e);
        } catch (IOException e) {
            throw new EvalInputException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses JSON text; {@code where} names the file (and line) for the error message. */
    static JsonNode parse(String json, String where) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new EvalInputException("invalid JSON in " + where + at + ": " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new EvalInputException(where + ": missing '" + field + "'");
        }
        return v;
    }

    static String string(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.isString()) {
            throw new EvalInputException(where + ": '" + field + "' must be a string");
        }
        return v.stringValue();
    }

    /** A string field that may be absent or null. */
    static String optionalString(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new EvalInputException(where + ": '" + field + "' must be a string");
        }
        return v.stringValue();
    }

    static int integer(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        return asInt(v, where + ": '" + field + "'");
    }

    static int asInt(JsonNode v, String what) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new EvalInputException(what + " must be an integer");
        }
        return v.intValue();
    }

    static JsonNode array(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.isArray()) {
            throw new EvalInputException(where + ": '" + field + "' must be a list");
        }
        return v;
    }
}
