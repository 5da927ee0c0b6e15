package com.cmobile.ecosystem.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers, to requests that never reach Javalin (a request line or headers too large, a
 * URI Jetty cannot parse, {@code *} as the target of anything but OPTIONS), as the API's
 * {@link ApiError} JSON instead of Jetty's HTML page or an empty body.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ObjectMapper mapper;

    JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowServlet(false);
    }

    /** Jetty writes a body only for GET, POST and HEAD; an API error has one whatever the method. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    private byte[] body(int status, String reason) {
        String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        try {
            return mapper.writeValueAsBytes(new ApiError(code(status), message));
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"" + code(status) + "\",\"message\":\"\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String code(int status) {
        String text = HttpStatus.getMessage(status);
        return text == null ? "error" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
