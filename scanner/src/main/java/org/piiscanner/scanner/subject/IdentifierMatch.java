package org.piiscanner.scanner.subject;

/**
 * One identifier of the request found at a location.
 *
 * @param identifier the identifier's number in the request (from 1)
 * @param type its entity type name ({@code PERSON} for a name)
 * @param how how it matched
 * @param strength what this match contributes to the location's score, in (0, 1)
 */
public record IdentifierMatch(int identifier, String type, MatchKind how, double strength) {
}
