package org.piiscanner.scanner.config;

/**
 * A configuration file that cannot be used: unreadable, not YAML, an unknown key, a wrong type or an out-of-range
 * value. The message is complete and meant for the user as is: it starts with the file name and the key path,
 * e.g. {@code config/detectors.yml: detectors.uk_nino.contxt: unknown key (did you mean 'context'?)}.
 */
public final class ConfigFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigFileException(String message) {
        super(message);
    }
}
