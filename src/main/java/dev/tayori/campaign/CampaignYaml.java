package dev.tayori.campaign;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A campaign file's YAML as a tree of nodes with lines, or its first problem in the operator's words.
 * Anchors and aliases (&name, *name) are refused before the tree is built: campaign files do not need
 * them, and they are how a small file becomes a billion values ("billion laughs").
 */
final class CampaignYaml {
    private CampaignYaml() {
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // for constructed maps; YamlMap does the same on the node tree
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(CampaignText.SIZE_LIMIT);
        return new Yaml(options);
    }

    /** The root node, or empty with the problem added. */
    static Optional<Node> parse(Path file, String text, List<CampaignProblem> problems) {
        try {
            for (Event event : yaml().parse(new StringReader(text))) {
                if (event instanceof AliasEvent || (event instanceof NodeEvent node && node.getAnchor() != null)) {
                    problems.add(CampaignProblem.at(file, lineOf(event.getStartMark()), "anchors and aliases (&name, *name)"
                            + " are not used in campaign files: write each value out where it is needed"));
                    return Optional.empty();
                }
            }
            Node root = yaml().compose(new StringReader(text));
            if (root == null) {
                problems.add(CampaignProblem.at(file, 1, "the file is empty; a campaign file begins with"
                        + " kind: sequence, kind: newsletter or kind: announcement"));
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            problems.add(CampaignProblem.at(file, YamlErrors.line(e), "not valid YAML: " + YamlErrors.explain(e)));
        } catch (YAMLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            problems.add(CampaignProblem.at(file, 0, "not valid YAML: " + (message.contains("Nesting Depth")
                    ? "lists or mappings are nested deeper than 20 levels" : message)));
        }
        return Optional.empty();
    }

    static int lineOf(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }
}
