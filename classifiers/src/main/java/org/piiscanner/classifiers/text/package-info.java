/**
 * Text utilities shared by the engine and detectors: normalisation with an offset map, multi-phrase matching
 * (Aho-Corasick, whole words, case-insensitive) and masked previews. No detection logic lives here.
 */
package org.piiscanner.classifiers.text;
