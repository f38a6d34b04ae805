/**
 * Person, location and organisation names: an OpenNLP name finder we train ourselves, plus rules for business
 * documents. {@link org.piiscanner.classifiers.detectors.PersonNameDetector} is the detector the engine runs.
 *
 * <h2>Pipeline</h2>
 * {@link org.piiscanner.classifiers.names.NameTagger} (one per thread) walks a text line by line. Lines are hard
 * boundaries (headers, signatures and labels live on lines). Within a line the rule-based
 * {@link org.piiscanner.classifiers.names.FastTokenizer} splits tokens the way the UD English-EWT training data is
 * tokenised and cuts sentences at {@code . ! ?} before a capital; the UD English-EWT OpenNLP sentence and token
 * models remain available ({@code new NameTagger(models, true, false)}) but are slower and no more accurate here.
 * Only windows of three tokens around capitalised tokens (not sentence-initial common words) are given to the
 * model: a lower-case stretch cannot start a name the model would find, and this is what makes the pipeline about
 * four times faster than tagging every sentence. All-capitals tokens on the name lists are given to the model
 * capitalised ({@code GONZALEZ} -> {@code Gonzalez}). Adaptive data is cleared at the start of every text.
 *
 * <h2>Rules</h2>
 * {@link org.piiscanner.classifiers.names.NameRules} adds names from e-mail headers, labelled and all-capitals fields,
 * "Surname, Given" forms, salutations, sign-off blocks and given names alone on a line; joins initials and
 * hyphenated given names; confirms names matching a nearby e-mail local part; splits comma lists; trims titles, job
 * titles and labels; and drops labels ("Attn", "Bill To"), contract defined terms ("Loan Agreement", "the
 * Borrower"), parts of addresses and all-capitals headings. Every finding names its rule in its pattern
 * ({@code PERSON (model)}, {@code PERSON (Surname, Given)}, ...) and adjustments in its note.
 *
 * <h2>Model and data</h2>
 * The model ({@code en-ner-pii.bin}, CC BY-SA 4.0: see the NOTICE beside it) is trained by
 * {@link org.piiscanner.classifiers.names.NameModelTrainer} (Maven profile {@code train-ner}); the normal build never
 * retrains. The bundled name lists ({@link org.piiscanner.classifiers.names.NameLists}, public domain) are both model
 * features and rule evidence; they lean American, so a miss never vetoes a name. Measured figures and the
 * experiments behind the choices are in {@code docs/ner-experiments.md}.
 *
 * <p>Not here: special-category phrases (a separate package) and names in languages other than English.
 */
package org.piiscanner.classifiers.names;
