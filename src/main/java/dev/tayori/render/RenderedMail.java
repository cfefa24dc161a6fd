package dev.tayori.render;

/** A mail's content as the subscriber will see it: subject, HTML and its plain-text alternative. */
public record RenderedMail(String subject, String html, String text) {
}
