package dev.tayori.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads settings in order of precedence: defaults, then the YAML file, then TAYORI_* environment
 * variables, then command-line overrides. Everything is checked once, here.
 */
public final class SettingsLoader {
    public static final Path DEFAULT_FILE = Path.of("tayori.yaml");

    private SettingsLoader() {
    }

    /**
     * @param file the --config file, or null for ./tayori.yaml when it exists
     * @param environment usually System.getenv()
     * @param overrides settings given as flags, by key
     */
    public static Settings load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        RawSettings raw = new RawSettings();
        SettingKeys.DEFAULTS.forEach((key, value) -> raw.put(key, value, "default"));
        Path source = file != null ? file : DEFAULT_FILE;
        if (file != null && !Files.isRegularFile(file)) {
            throw new SettingsException("settings file " + file + " does not exist (given with --config)");
        }
        if (Files.isRegularFile(source)) {
            readFile(source, raw);
        }
        for (String key : SettingKeys.DEFAULTS.keySet()) {
            String name = SettingKeys.environmentName(key);
            String value = environment.get(name);
            if (value != null) {
                raw.put(key, value, "environment variable " + name);
            }
        }
        overrides.forEach((key, value) -> {
            if (!SettingKeys.DEFAULTS.containsKey(key)) {
                throw new SettingsException("unknown setting '" + key + "'");
            }
            raw.put(key, value, "command line");
        });
        return Settings.from(raw);
    }

    private static void readFile(Path path, RawSettings raw) {
        Node root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new SettingsException(path + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + path + ": " + e.getMessage());
        }
        if (root == null) {
            return;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new SettingsException(path + ":1: settings must be a mapping of keys to values");
        }
        flatten(path, "", mapping, raw);
    }

    private static void flatten(Path path, String prefix, MappingNode mapping, RawSettings raw) {
        for (NodeTuple tuple : mapping.getValue()) {
            int line = tuple.getKeyNode().getStartMark().getLine() + 1;
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new SettingsException(path + ":" + line + ": a setting name must be plain text");
            }
            String key = prefix + keyNode.getValue();
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(path, key + ".", nested, raw);
            } else if (value instanceof ScalarNode scalar) {
                if (!SettingKeys.DEFAULTS.containsKey(key)) {
                    throw new SettingsException(path + ":" + line + ": unknown setting '" + key + "'"
                            + Suggestions.didYouMean(key, SettingKeys.DEFAULTS.keySet()));
                }
                raw.put(key, scalar.getValue(), path + ":" + line);
            } else {
                throw new SettingsException(path + ":" + line + ": '" + key + "' must be a single value, not a list");
            }
        }
    }
}
