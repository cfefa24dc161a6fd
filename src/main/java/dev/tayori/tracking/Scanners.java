package dev.tayori.tracking;

import java.util.List;
import java.util.Locale;

/**
 * User agents that follow links without a reader: mail security gateways that open every link of
 * an arriving mail to check it (Microsoft Safe Links, Barracuda, Proofpoint, Mimecast), link
 * previews, and scripts. Their requests are redirected like any other, but not counted: they would
 * count a click for every mail they scan. A request with no user agent is no browser either.
 */
final class Scanners {
    private static final List<String> KNOWN = List.of("bingpreview", "safelinks", "microsoft office protection",
            "barracuda", "proofpoint", "urldefense", "mimecast", "python-requests", "python-urllib", "curl/", "wget/",
            "go-http-client", "okhttp", "java-http-client", "apache-httpclient", "libwww-perl", "headlesschrome",
            "slackbot", "facebookexternalhit", "twitterbot", "discordbot", "whatsapp", "googleimageproxy", "bot/",
            "spider", "crawler");

    private Scanners() {
    }

    static boolean isScanner(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return KNOWN.stream().anyMatch(ua::contains);
    }
}
