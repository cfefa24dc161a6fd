package dev.tayori.newsletter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaign file's {@code link-parameters} put into an article link. A parameter the link already
 * has under the same name is replaced where it stands (a blog that adds its own utm_source would
 * otherwise send two, and analytics keeps whichever it likes); every other parameter is kept as it
 * was written, and the #fragment stays last, where browsers look for it.
 */
final class LinkParameters {
    private LinkParameters() {
    }

    static String merge(String url, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return url;
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String query = question < 0 ? "" : beforeFragment.substring(question + 1);
        List<String> pairs = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = name(pair);
            if (!parameters.containsKey(name)) {
                pairs.add(pair);
            } else if (placed.add(name)) {
                pairs.add(encode(name) + "=" + encode(parameters.get(name)));
            } // a second utm_source in the link itself goes too
        }
        parameters.forEach((name, value) -> {
            if (!placed.contains(name)) {
                pairs.add(encode(name) + "=" + encode(value));
            }
        });
        return base + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)) + fragment;
    }

    /** The decoded name of a name=value pair, so utm%5Fsource and utm_source are one parameter. */
    private static String name(String pair) {
        int eq = pair.indexOf('=');
        String raw = eq < 0 ? pair : pair.substring(0, eq);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a stray % in the blog's own link: compared as written
        }
    }

    /**
     * Percent-encodes UTF-8 bytes, all but RFC 3986's unreserved characters: a space is %20 (not the
     * form encoding's +, which some analytics keep as a plus), ニュースレター is %E3%83%8B...
     */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
