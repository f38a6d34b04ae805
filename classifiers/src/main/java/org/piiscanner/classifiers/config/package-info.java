/**
 * Detection settings as plain records: minimum scores, context knobs, per-detector switches, options and context
 * words, custom regex detectors, deny-lists, allow-lists and the test-value policy. The scanner binds its YAML file
 * into these; the engine validates them and fails with a {@link org.piiscanner.classifiers.config.ConfigurationException}
 * naming the mistake.
 */
package org.piiscanner.classifiers.config;
