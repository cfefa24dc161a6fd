package dev.tayori.render;

import freemarker.core.ParseException;
import freemarker.core.TemplateElement;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Template;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a parsed template, what a mail template never needs and an attacker always does: creating
 * Java objects, reaching Java methods, running text as template code, and loading files by a name made
 * while rendering or from outside the templates folder. The whole template is searched, every branch
 * of every {@code <#if>}, so a line that sample data does not reach is refused as well.
 *
 * <p>Only FreeMarker code is searched: the tree's text blocks and comments are left out, so a mail that
 * says "?new" in its text is fine. Each element's own code is its canonical form without its children's.
 */
final class ForbiddenCode {
    record Found(int line, String what) {
    }

    private record Rule(Pattern pattern, String why) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\?\\s*new\\b"), "?new creates Java objects, and with them a template could run"
                    + " programs on this computer: templates may not use ?new"),
            new Rule(Pattern.compile("\\?\\s*api\\b"), "?api reaches the Java methods behind a value: templates may not use ?api"),
            new Rule(Pattern.compile("\\?\\s*(eval|interpret)\\b"), "?%s runs text as template code, and text can come"
                    + " from a stranger (a reader's name) or an article: templates may not use ?%s"),
            new Rule(Pattern.compile("\\.\\s*(get_optional_template|getOptionalTemplate)\\b"), ".%s loads a template by a"
                    + " name made while rendering: use <#import \"/path/in/templates.ftlh\" as name> with the path in quotes"));

    /** {@code <#include "path" ...>} or {@code <#import "path" as x>}, as FreeMarker writes them back. */
    private static final Pattern LOAD = Pattern.compile("^<#(include|import)\\s+\"([^\"\\\\$]*)\"");

    private ForbiddenCode() {
    }

    /** The first forbidden thing in the template, or null; templates it imports are loaded and checked too. */
    @SuppressWarnings("deprecation") // the parsed tree is FreeMarker's only way to see every branch
    static Found find(Template template, SandboxedFreemarker freemarker) {
        Deque<TemplateElement> todo = new ArrayDeque<>();
        todo.push(template.getRootTreeNode());
        while (!todo.isEmpty()) {
            TemplateElement element = todo.pop();
            String node = element.getNodeName();
            if (!node.equals("TextBlock") && !node.equals("Comment")) {
                String code = ownCode(element);
                Found found = forbidden(code, element.getBeginLine());
                if (found == null && (node.equals("Include") || node.equals("LibraryLoad"))) {
                    found = loaded(code, element.getBeginLine(), template, freemarker);
                }
                if (found != null) {
                    return found;
                }
            }
            for (int i = element.getChildCount() - 1; i >= 0; i--) {
                todo.push((TemplateElement) element.getChildAt(i));
            }
        }
        return null;
    }

    /**
     * The element's code without its children's: a parent's canonical form is its own code around its
     * children's forms in order. Taking the last match of their concatenation can only ever leave too
     * much (never take away a part of the element's own code), so nothing can hide there.
     */
    private static String ownCode(TemplateElement element) {
        String whole = element.getCanonicalForm();
        if (element.getChildCount() == 0) {
            return whole;
        }
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < element.getChildCount(); i++) {
            children.append(((TemplateElement) element.getChildAt(i)).getCanonicalForm());
        }
        int at = whole.lastIndexOf(children.toString());
        return at < 0 ? whole : whole.substring(0, at) + whole.substring(at + children.length());
    }

    private static Found forbidden(String code, int line) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            if (m.find()) {
                String name = m.groupCount() > 0 ? m.group(1) : "";
                return new Found(line, String.format(rule.why(), name, name));
            }
        }
        return null;
    }

    /** An include or import: its path written in quotes, inside templates/, of a template that is itself fine. */
    private static Found loaded(String code, int line, Template from, SandboxedFreemarker freemarker) {
        Matcher m = LOAD.matcher(code);
        String directive = code.startsWith("<#import") ? "<#import>" : "<#include>";
        if (!m.find()) {
            return new Found(line, directive + " needs the template's path written out in quotes, like"
                    + " <#import \"/layouts/mail.ftlh\" as layout>; a path made while rendering is not allowed");
        }
        String written = m.group(2);
        String name = TemplatePath.resolve(from.getName(), written);
        if (name == null) {
            return new Found(line, directive + " \"" + written + "\" points outside the templates folder;"
                    + " a template can only use other templates inside it (a path starting with / starts at templates/)");
        }
        boolean parse = !code.contains("parse=false");
        try {
            freemarker.getTemplate(name, freemarker.getLocale(), null, null, parse, false);
            return null;
        } catch (TemplateNotFoundException e) {
            return new Found(line, directive + " \"" + written + "\": there is no such template, "
                    + freemarker.path(name) + " does not exist");
        } catch (MalformedTemplateNameException e) {
            return new Found(line, directive + " \"" + written + "\" is not a path inside the templates folder: "
                    + e.getMalformednessDescription());
        } catch (ParseException e) {
            throw TemplateProblem.ofSyntax(e, freemarker.path(name));
        } catch (IOException e) {
            return new Found(line, directive + " \"" + written + "\" cannot be read: " + e.getMessage());
        }
    }
}
