package dev.tayori.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before Javalin sees them (a path with %00 or an ambiguous encoding, a
 * header too large) still get the security headers and a short Japanese page instead of Jetty's
 * own, which names its version.
 */
final class JettyErrors extends ErrorHandler {
    private static final String PAGE = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>エラー</title>"
            + "</head><body><h1>リクエストが正しくありません</h1><p>アドレスを確かめて、もう一度お試しください。</p></body></html>";

    JettyErrors() {
        setShowServlet(false);
        setShowStacks(false);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Content-Security-Policy", SecurityHeaders.PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("text/html; charset=utf-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        baseRequest.setHandled(true);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put("Content-Security-Policy", SecurityHeaders.PAGE_POLICY);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "no-referrer");
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(PAGE.getBytes(StandardCharsets.UTF_8));
    }
}
