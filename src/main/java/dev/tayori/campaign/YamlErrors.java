package dev.tayori.campaign;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's complaints told as what to change in the file. Its own words ("expected <block end>,
 * but found '<block mapping start>'") describe the parser, not the file; the common ones are
 * translated, the rest are shown as they are, on one line.
 */
final class YamlErrors {
    private YamlErrors() {
    }

    /** The line to look at: for an unclosed quote or a key without ':', where it began, not where YAML gave up. */
    static int line(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext();
        if ((context.contains("quoted scalar") || context.contains("simple key")) && e.getContextMark() != null) {
            return CampaignYaml.lineOf(e.getContextMark());
        }
        return CampaignYaml.lineOf(e.getProblemMark());
    }

    static String explain(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (problem.contains("(TAB)")) {
            return "a tab is used to indent this line; YAML needs spaces (indent with two spaces)";
        }
        if (problem.startsWith("found character '") && problem.contains("cannot start any token")) {
            char c = problem.charAt("found character '".length());
            return "a value cannot begin with '" + c + "'; put the value in quotes, like key: \"" + c + "...\"";
        }
        if (context.contains("quoted scalar")) {
            return "a quote opened on this line is never closed; end the text with the same quote mark";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "a ':' followed by a space inside a value, or a line indented more than the one above:"
                    + " put text that holds ': ' in quotes, or line the keys up";
        }
        if (problem.contains("could not find expected ':'")) {
            return "this line has no ':'; each line is key: value (or '- ' for an item of a list)";
        }
        if (problem.contains("expected <block end>")) {
            return "this line is not indented like the lines it belongs with: keys of one mapping start in the same column";
        }
        if (problem.contains("expected ',' or ']'")) {
            return "a list written in [ ] is not closed with ]";
        }
        if (problem.contains("expected ',' or '}'")) {
            return "a mapping written in { } is not closed with }";
        }
        if (problem.contains("another document")) {
            return "a second document begins here ('---'); a campaign file holds one";
        }
        if (problem.contains("tag")) {
            return "YAML tags (!!name) are not used in campaign files; remove it";
        }
        return problem.isEmpty() ? "the file cannot be read as YAML" : problem.replaceAll("\\s+", " ");
    }
}
