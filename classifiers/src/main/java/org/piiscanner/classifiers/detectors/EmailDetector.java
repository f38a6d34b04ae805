package org.piiscanner.classifiers.detectors;

import java.util.List;
import java.util.Locale;
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

/**
 * E-mail addresses (identifiers spec §14): the dot-atom subset DLP tools use. A local part of 1-64 characters
 * {@code [A-Za-z0-9._%+-]} starting with a letter or digit, without {@code ..} and not ending in {@code .}; an
 * {@code @}; a domain of two or more DNS labels whose top-level domain is in the IANA root zone (so
 * {@code logo@2x.png} and {@code user@localhost} are not addresses); at most 254 characters. A sentence-ending dot
 * after the domain is not part of the address.
 *
 * <p>Addresses at reserved domains ({@code example.com/.net/.org}, {@code example.co.uk}, {@code *.example},
 * {@code *.test}, {@code *.invalid}, {@code *.localhost}) are reported as test values. Role and service mailboxes
 * ({@code info@}, {@code noreply@}, {@code support@}, {@code git@}...) belong to organisations and score lower.
 * Quoted local parts, IP-literal domains and non-ASCII (EAI) addresses are not recognised; for a non-ASCII local
 * part only its ASCII tail before the {@code @} is matched, as the spec's regex does.
 */
public final class EmailDetector extends DeclaredDetector {

    static final ScoredPattern PERSONAL = ScoredPattern.of("EMAIL (mailbox, IANA TLD)", 0.85);
    static final ScoredPattern ROLE = ScoredPattern.of("EMAIL (role or service mailbox)", 0.6);

    static final int MAX_LOCAL = 64;
    static final int MAX_ADDRESS = 254;

    private static final ContextWords CONTEXT = ContextWords.of(List.of(
            "email", "e-mail", "email address", "mail", "contact", "mailto:", "reply to", "reply-to", "from:",
            "to:", "cc:", "bcc:"));

    private static final Set<String> ROLE_MAILBOXES = Set.of(
            "info", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "support",
            "postmaster", "hostmaster", "webmaster", "abuse", "admin", "administrator", "root", "sales", "contact",
            "contactus", "enquiries", "enquiry", "inquiries", "hello", "help", "helpdesk", "office", "reception",
            "accounts", "billing", "finance", "invoices", "marketing", "press", "media", "news", "newsletter",
            "jobs", "careers", "recruitment", "hr", "privacy", "dpo", "security", "team", "service",
            "customerservice", "customer.service", "mailer-daemon", "bounce", "bounces", "notifications", "alerts",
            "git");







    public EmailDetector() {
        super("email", Set.of(EntityType.EMAIL_ADDRESS), List.of(PERSONAL, ROLE), CONTEXT, Set.of(Trigger.AT_SIGN),
                CompoundFilter.ANY);
    }

    @Override
    public void scan(Candidate c, MatchCollector out) {
        char[] t = c.text();
        int n = c.length();
        int at = c.position();

        // Local part: the maximal run of local-part characters before the '@' (the spec's look-behind).
        int start = at;
        while (start > 0 && at - start <= MAX_LOCAL && isLocalChar(t[start - 1])) {
            start--;
        }
        int localLength = at - start;
        if (localLength == 0 || localLength > MAX_LOCAL || !Candidate.isAlnum(t[start]) || t[at - 1] == '.') {
            return;
        }
        for (int i = start + 1; i < at; i++) {
            if (t[i] == '.' && t[i - 1] == '.') {
                return;
            }
        }

        // Domain: the maximal run of label characters and dots after the '@', sentence-ending dots excluded.
        int limit = Math.min(n, at + 1 + DomainNames.MAX_LENGTH + 1);
        int end = at + 1;
        while (end < limit && (DomainNames.isLabelChar(t[end]) || t[end] == '.')) {
            end++;
        }
        if (end == limit && end < n && (DomainNames.isLabelChar(t[end]) || t[end] == '.')) {
            return;
        }
        while (end > at + 1 && t[end - 1] == '.') {
            end--;
        }
        if (end - start > MAX_ADDRESS) {
            return;
        }
        int domain = DomainNames.check(t, at + 1, end, 2);
        if (domain == DomainNames.INVALID) {
            return;
        }
        boolean role = ROLE_MAILBOXES.contains(new String(t, start, localLength).toLowerCase(Locale.ROOT));
        boolean reserved = domain == DomainNames.RESERVED;
        String note = role ? (reserved ? "role mailbox; reserved example domain" : "role mailbox")
                : (reserved ? "reserved example domain" : "");
        out.add(EntityType.EMAIL_ADDRESS, start, end, role ? ROLE : PERSONAL, Validation.VALID, reserved, note);
    }

    private static boolean isLocalChar(char c) {
        return Candidate.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
