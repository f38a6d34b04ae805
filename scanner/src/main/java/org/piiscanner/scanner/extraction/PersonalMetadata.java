package org.piiscanner.scanner.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.OfficeOpenXMLExtended;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The personal data in a document's metadata (who wrote it, who sent and received it) as {@code Field: value}
 * lines, the text of its metadata part. Values repeated, or contained in an earlier line (an address that is
 * also in {@code "Name" <address>}), are left out so that detectors report each once. Stateless.
 */
final class PersonalMetadata {

    private static final int MAX_VALUE = 2_000;

    /** A field shown to users and the Tika keys it is read from, the most complete value first. */
    private record Field(String label, String... keys) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("From", Message.MESSAGE_FROM, Message.MESSAGE_FROM_NAME.getName(),
                    Message.MESSAGE_FROM_EMAIL.getName(), Office.MAPI_FROM_REPRESENTING_NAME.getName(),
                    Office.MAPI_FROM_REPRESENTING_EMAIL.getName(), "mapi:from-representing-name",
                    "mapi:from-representing-email"),
            new Field("To", Message.MESSAGE_TO, Message.MESSAGE_TO_DISPLAY_NAME.getName(),
                    Message.MESSAGE_TO_NAME.getName(), Message.MESSAGE_TO_EMAIL.getName(),
                    Message.MESSAGE_RECIPIENT_ADDRESS),
            new Field("Cc", Message.MESSAGE_CC, Message.MESSAGE_CC_DISPLAY_NAME.getName(),
                    Message.MESSAGE_CC_NAME.getName(), Message.MESSAGE_CC_EMAIL.getName()),
            new Field("Bcc", Message.MESSAGE_BCC, Message.MESSAGE_BCC_DISPLAY_NAME.getName(),
                    Message.MESSAGE_BCC_NAME.getName(), Message.MESSAGE_BCC_EMAIL.getName()),
            new Field("Reply-To", Message.MESSAGE_RAW_HEADER_PREFIX + "Reply-To"),
            new Field("Sender", Message.MESSAGE_RAW_HEADER_PREFIX + "Sender"),
            new Field("Author", TikaCoreProperties.CREATOR.getName(), Office.AUTHOR.getName(),
                    Office.INITIAL_AUTHOR.getName()),
            new Field("Last-Modified-By", TikaCoreProperties.MODIFIER.getName()),
            new Field("Manager", OfficeOpenXMLExtended.MANAGER.getName()),
            new Field("Contributor", TikaCoreProperties.CONTRIBUTOR.getName()));

    private PersonalMetadata() {
    }

    /** The lines for {@code metadata}, each ending with a newline; empty when it holds none of the fields. */
    static String text(Metadata metadata, int maxChars) {
        StringBuilder out = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (Field field : FIELDS) {
            for (String key : field.keys()) {
                for (String raw : metadata.getValues(key)) {
                    String value = clean(raw);
                    if (value.isEmpty() || containedInSeen(value, seen)) {
                        continue;
                    }
                    String line = field.label() + ": " + value + "\n";
                    if (out.length() + line.length() > maxChars) {
                        return out.toString();
                    }
                    out.append(line);
                    seen.add(value.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out.toString();
    }

    private static boolean containedInSeen(String value, List<String> seen) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String s : seen) {
            if (s.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** One line: control characters become spaces, quotes around the whole value go, long values are cut. */
    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), MAX_VALUE));
        for (int i = 0; i < raw.length() && sb.length() < MAX_VALUE; i++) {
            char c = raw.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        String value = sb.toString().strip();
        if (value.length() >= 2 && value.charAt(0) == '\'' && value.charAt(value.length() - 1) == '\'') {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}
