package org.piiscanner.classifiers.config;

/** Detection settings that cannot work: an unknown detector id, a bad option, a regex that does not compile. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
