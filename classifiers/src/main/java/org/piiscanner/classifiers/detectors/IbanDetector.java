package org.piiscanner.classifiers.detectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piiscanner.classifiers.Candidate;
import org.piiscanner.classifiers.CompoundFilter;
import org.piiscanner.classifiers.ContextWords;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.MatchCollector;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.classifiers.checksum.Mod97;

/**
 * International Bank Account Numbers (identifiers spec §11, ISO 13616): country code, two check digits and the
 * country's BBAN, written compact ({@code GB29NWBK60161331926819}) or in the paper format of groups of four
 * separated by single spaces ({@code GB29 NWBK 6016 1331 9268 19}).
 *
 * <p>Exactly the registry length of the country (Appendix A, {@code iban-registry.tsv}) is read from the start of a
 * word, over single spaces, and must end at a word end (so a following upper-case token is never swallowed). The
 * BBAN must match the registry structure, the check digits must not be 00, 01 or 99, and ISO 7064 MOD 97-10 must
 * hold: strong enough to report without context. All-lower-case IBANs ({@code gb82west12345698765432}) are
 * reported at a lower score; mixed case is not. Hyphen- or dot-separated IBANs are not read (the spec's pattern
 * allows single spaces only). The registry's sample IBANs and the textbook {@code GB82WEST12345698765432} are
 * reported as test values.
 *
 * <p>Immutable and thread-safe; the registry is read once, when the class is initialised.
 */
public final class IbanDetector extends DeclaredDetector {

    private static final CompoundFilter FILTER = CompoundFilter.of(4, CompoundFilter.MIXED);

    static final ScoredPattern GROUPED = ScoredPattern.of("IBAN (paper format, mod 97)", 0.9);
    static final ScoredPattern COMPACT = ScoredPattern.of("IBAN (compact, mod 97)", 0.85);
    static final ScoredPattern IRREGULAR = ScoredPattern.of("IBAN (irregular spacing, mod 97)", 0.75);
    static final ScoredPattern LOWER_CASE = ScoredPattern.of("IBAN (lower case, mod 97)", 0.7);

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "iban", "international bank account number", "bank account", "bic", "swift", "sepa", "beneficiary",
            "payee", "account holder", "wire transfer"));

    /** Widely copied textbook IBANs that are not registry samples, also reported as test values. */
    private static final Set<String> TEXTBOOK_EXAMPLES = Set.of("GB82WEST12345698765432");

    private static final Registry REGISTRY = Registry.load();








    public IbanDetector() {
        super("iban", Set.of(EntityType.IBAN_CODE), List.of(GROUPED, COMPACT, IRREGULAR, LOWER_CASE), CONTEXT,
                Set.of(Trigger.COMPOUND), FILTER);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] buf = null;
        for (int w = 0; w < c.wordCount(); w++) {
            int s = c.wordStart(w);
            if (c.wordLength(w) < 4 || (c.wordFlags(w) & Candidate.DIGIT) == 0
                    || !Candidate.isDigit(c.charAt(s + 2)) || !Candidate.isDigit(c.charAt(s + 3))) {
                continue;
            }
            char a = c.charAt(s);
            char b = c.charAt(s + 1);
            boolean upper = isUpper(a) && isUpper(b);
            if (!upper && !(isLower(a) && isLower(b))) {
                continue;
            }
            int country = Registry.index(a, b);
            int length = REGISTRY.length[country];
            if (length == 0) {
                continue;
            }
            if (buf == null) {
                buf = new char[Registry.MAX_LENGTH];
            }
            int end = read(c, s, length, buf);
            if (end < 0) {
                continue;
            }
            ScoredPattern pattern = upper ? spacing(c, s, end, length) : LOWER_CASE;
            if (!sameCase(buf, length, upper) || !isValid(buf, length, REGISTRY.structure[country])) {
                continue;
            }
            String value = new String(buf, 0, length);
            boolean example = REGISTRY.examples.contains(value) || TEXTBOOK_EXAMPLES.contains(value);
            out.add(EntityType.IBAN_CODE, s, end, pattern, Validation.VALID, example,
                    "country " + value.substring(0, 2));
            while (w + 1 < c.wordCount() && c.wordStart(w + 1) < end) {
                w++;
            }
        }
    }

    /**
     * Reads {@code length} letters and digits from {@code start}, allowing a single space between two of them;
     * the span must then end at a word end.
     *
     * @return the end of the span, or -1 if the text runs out of characters first or the span would end inside a
     *     word
     */
    private static int read(Candidate c, int start, int length, char[] buf) {
        int n = 0;
        int i = start;
        while (n < length) {
            char ch = c.charAt(i);
            if (Candidate.isAlnum(ch)) {
                buf[n++] = ch;
                i++;
            } else if (ch == ' ' && Candidate.isAlnum(c.charAt(i + 1))) {
                i++;
            } else {
                return -1;
            }
        }
        return Candidate.isAlnum(c.charAt(i)) ? -1 : i;
    }

    /** Paper format if every space sits after a multiple of four characters and every such gap is a space. */
    private static ScoredPattern spacing(Candidate c, int start, int end, int length) {
        int spaces = end - start - length;
        if (spaces == 0) {
            return COMPACT;
        }
        if (spaces != (length - 1) / 4) {
            return IRREGULAR;
        }
        for (int k = 1; k <= spaces; k++) {
            if (c.charAt(start + 5 * k - 1) != ' ') {
                return IRREGULAR;
            }
        }
        return GROUPED;
    }

    /** True if the letters are all upper-case ({@code upper}) or all lower-case (then upper-cases them). */
    private static boolean sameCase(char[] buf, int n, boolean upper) {
        for (int i = 0; i < n; i++) {
            char ch = buf[i];
            if (upper ? isLower(ch) : isUpper(ch)) {
                return false;
            }
            if (!upper && isLower(ch)) {
                buf[i] = (char) (ch - 32);
            }
        }
        return true;
    }

    /** Check digits, BBAN structure and MOD 97-10 of the compact upper-case IBAN {@code buf[0, n)}. */
    static boolean isValid(char[] buf, int n, byte[] structure) {
        int check = (buf[2] - '0') * 10 + (buf[3] - '0');
        if (check < 2 || check > 98) {
            return false;
        }
        for (int i = 4; i < n; i++) {
            char ch = buf[i];
            boolean ok = switch (structure[i - 4]) {
                case 'n' -> Candidate.isDigit(ch);
                case 'a' -> isUpper(ch);
                default -> Candidate.isDigit(ch) || isUpper(ch);
            };
            if (!ok) {
                return false;
            }
        }
        return Mod97.isValidIban(buf, 0, n);
    }

    /** True if {@code iban} (compact, upper-case) is a valid IBAN: known country, length, structure, check. */
    static boolean isValid(String iban) {
        if (iban.length() < 5 || !isUpper(iban.charAt(0)) || !isUpper(iban.charAt(1))
                || !Candidate.isDigit(iban.charAt(2)) || !Candidate.isDigit(iban.charAt(3))) {
            return false;
        }
        int country = Registry.index(iban.charAt(0), iban.charAt(1));
        int length = REGISTRY.length[country];
        return length == iban.length() && isValid(iban.toCharArray(), length, REGISTRY.structure[country]);
    }

    /** The registry length for a country code, 0 if it has no IBAN. */
    static int registryLength(String countryCode) {
        return REGISTRY.length[Registry.index(countryCode.charAt(0), countryCode.charAt(1))];
    }

    /** The registry's sample IBAN per country code, in file order (for tests). */
    static Map<String, String> registryExamples() {
        return REGISTRY.exampleByCountry;
    }

    private static boolean isUpper(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean isLower(char ch) {
        return ch >= 'a' && ch <= 'z';
    }

    /** The IBAN registry table, loaded once from {@code iban-registry.tsv}; immutable after loading. */
    private static final class Registry {
        static final int MAX_LENGTH = 34;

        final int[] length = new int[26 * 26];
        final byte[][] structure = new byte[26 * 26][];
        final Set<String> examples;
        final Map<String, String> exampleByCountry;

        private Registry(Set<String> examples, Map<String, String> exampleByCountry) {
            this.examples = examples;
            this.exampleByCountry = exampleByCountry;
        }

        /** Index of a two-letter code of either case; 0 (AA, never in the registry) for anything else. */
        static int index(char a, char b) {
            int x = (a | 32) - 'a';
            int y = (b | 32) - 'a';
            return x < 0 || x > 25 || y < 0 || y > 25 ? 0 : x * 26 + y;
        }

        static Registry load() {
            String name = "iban-registry.tsv";
            Set<String> examples = new HashSet<>();
            Map<String, String> byCountry = new LinkedHashMap<>();
            Registry r = new Registry(Collections.unmodifiableSet(examples),
                    Collections.unmodifiableMap(byCountry));
            try (InputStream in = IbanDetector.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    if (f.length < 4 || f[0].length() != 2) {
                        throw new IllegalStateException(name + ": malformed line '" + line + "'");
                    }
                    int idx = index(f[0].charAt(0), f[0].charAt(1));
                    int len = Integer.parseInt(f[1]);
                    byte[] structure = parseStructure(f[2], name);
                    if (len != 4 + structure.length || len > MAX_LENGTH || r.length[idx] != 0) {
                        throw new IllegalStateException(name + ": inconsistent entry for " + f[0]);
                    }
                    r.length[idx] = len;
                    r.structure[idx] = structure;
                    if (!f[3].isEmpty()) {
                        examples.add(f[3]);
                        byCountry.put(f[0], f[3]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
            return r;
        }

        /** {@code 4!a6!n8!n} to one type letter (n, a, c) per BBAN position. */
        private static byte[] parseStructure(String spec, String name) {
            byte[] out = new byte[MAX_LENGTH];
            int n = 0;
            int i = 0;
            while (i < spec.length()) {
                int count = 0;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    count = count * 10 + (spec.charAt(i++) - '0');
                }
                if (i + 1 >= spec.length() || spec.charAt(i) != '!' || "nac".indexOf(spec.charAt(i + 1)) < 0
                        || count == 0 || n + count > MAX_LENGTH) {
                    throw new IllegalStateException(name + ": bad BBAN structure '" + spec + "'");
                }
                for (int k = 0; k < count; k++) {
                    out[n++] = (byte) spec.charAt(i + 1);
                }
                i += 2;
            }
            return Arrays.copyOf(out, n);
        }
    }
}
