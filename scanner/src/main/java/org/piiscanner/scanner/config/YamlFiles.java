package org.piiscanner.scanner.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads configuration files as composed YAML nodes (no object construction, duplicate keys refused, aliases and
 * nesting bounded), with messages that name the file. Stateless.
 */
final class YamlFiles {

    private YamlFiles() {
    }

    /** The text of {@code file} (UTF-8). */
    static String read(Path file) throws ConfigFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigFileException(name + ": is a directory, not a configuration file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(name + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigFileException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** The root of the YAML document {@code text}; {@code file} names it in messages. */
    static YamlValue compose(String file, String text) throws ConfigFileException {
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? ""
                    : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new ConfigFileException(file + ": invalid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigFileException(file + ": invalid YAML: " + e.getMessage());
        }
        return YamlValue.root(file, root);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }
}
