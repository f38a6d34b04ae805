package org.piiscanner.classifiers.names;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * An OpenNLP name-finder file read as documents (blank line = new document), each both as gold token samples and as
 * detokenised text with gold character spans, for evaluating the model alone and the whole text pipeline.
 */
final class NerCorpus {

    /** A gold entity as a character span of {@link Document#text()}. */
    record Gold(String type, int start, int end) {
    }

    /** One document: its sentences (gold tokens and spans) and its text (sentences joined by a newline). */
    record Document(List<NameSample> sentences, String text, List<Gold> gold) {
    }

    private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", "!", "?", ";", ":", ")", "]", "}", "%",
            "n't", "'s", "'m", "'re", "'ve", "'d", "'ll", "'S", "N'T", "...");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$", "#");

    /** Separator between sentences in {@link Document#text()}: a newline (default) or a space. */
    static String sentenceSeparator = "\n";

    private NerCorpus() {
    }

    static List<Document> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static List<Document> read(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    static List<Document> parse(String content) throws IOException {
        List<Document> docs = new ArrayList<>();
        List<NameSample> current = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    docs.add(document(current));
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(NameSample.parse(line, current.isEmpty()));
        }
        if (!current.isEmpty()) {
            docs.add(document(current));
        }
        return docs;
    }

    /** Detokenises sentences (simple English rules) and maps gold token spans to character spans. */
    private static Document document(List<NameSample> sentences) {
        StringBuilder sb = new StringBuilder();
        List<Gold> gold = new ArrayList<>();
        for (NameSample s : sentences) {
            String[] tokens = s.getSentence();
            int[] starts = new int[tokens.length];
            int[] ends = new int[tokens.length];
            if (!sb.isEmpty()) {
                sb.append(sentenceSeparator);
            }
            boolean quoteOpen = false;
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                boolean space = i > 0 && !NO_SPACE_BEFORE.contains(t) && !NO_SPACE_AFTER.contains(tokens[i - 1]);
                if (t.equals("\"")) {
                    if (quoteOpen) {
                        space = false;
                    }
                    quoteOpen = !quoteOpen;
                } else if (i > 0 && tokens[i - 1].equals("\"") && quoteOpen) {
                    space = false;
                }
                if (space) {
                    sb.append(' ');
                }
                starts[i] = sb.length();
                sb.append(t);
                ends[i] = sb.length();
            }
            for (Span n : s.getNames()) {
                gold.add(new Gold(n.getType(), starts[n.getStart()], ends[n.getEnd() - 1]));
            }
        }
        return new Document(sentences, sb.toString(), gold);
    }
}
