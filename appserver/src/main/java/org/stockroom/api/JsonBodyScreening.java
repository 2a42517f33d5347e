package org.stockroom.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.problem.BadRequestException;
import org.stockroom.problem.BodyTooLargeException;
import org.stockroom.problem.InvalidRequestException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import static org.stockroom.api.Jsonp.JSON;

/**
 * Reads a JSON request body before JSON-B does and refuses what JSON-B would let through
 * or misread: more bytes than the limit, counted as they arrive, so also without
 * {@code Content-Length} (413); a charset other than UTF-8 (415); bytes that are not UTF-8,
 * which would be stored as U+FFFD; broken syntax; anything after the JSON value; a member
 * named twice, of which JSON-B would silently keep the last (400); and text PostgreSQL
 * cannot store as sent, U+0000 or half a surrogate pair (422, naming the field); and
 * nesting deeper than any request of this API (400).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class JsonBodyScreening implements ReaderInterceptor {

    public static final String MAX_BODY_BYTES = "stockroom.http.max-body-bytes";

    /**
     * No request of this API nests deeper than 2; past this the body is refused before the
     * parser's own limit (1,000), which it reports as a bare RuntimeException, a 500.
     */
    static final int MAX_DEPTH = 32;

    @Inject
    @ConfigProperty(name = MAX_BODY_BYTES)
    int maxBodyBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        requireUtf8(context.getMediaType());
        byte[] body = readAtMost(context.getInputStream(), maxBodyBytes);
        if (body.length > 0) {  // an empty body keeps its own answer, "a JSON request body is required"
            scan(utf8(body));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().endsWith("+json"));
    }

    private static void requireUtf8(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new NotSupportedException("JSON is read as UTF-8 only, not " + charset);
        }
    }

    /** The whole body, or a 413 as soon as it has more than {@code limit} bytes. */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (body.size() + read > limit) {
                throw new BodyTooLargeException(limit);
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("The request body is not valid UTF-8");
        }
    }

    /** Walks the whole document once, keeping the JSON pointer of where it is. */
    static void scan(String json) {
        Deque<Container> path = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> enter(path, new Container(true));
                    case START_ARRAY -> enter(path, new Container(false));
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        nextElement(path);
                    }
                    case KEY_NAME -> {
                        Container object = path.getFirst();
                        object.key = parser.getString();
                        if (!object.keys.add(object.key)) {
                            throw new BadRequestException("The request body has the field '" + pointer(path)
                                    + "' more than once");
                        }
                    }
                    case VALUE_STRING -> {
                        requireStorable(parser.getString(), path);
                        nextElement(path);
                    }
                    default -> nextElement(path);
                }
            }
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new BadRequestException("The request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
        } catch (JsonException e) {
            throw new BadRequestException("The request body is not valid JSON");
        }
    }

    private static void enter(Deque<Container> path, Container container) {
        if (path.size() >= MAX_DEPTH) {
            throw new BadRequestException("The request body is nested deeper than " + MAX_DEPTH + " levels");
        }
        path.push(container);
    }

    private static void requireStorable(String value, Deque<Container> path) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new InvalidRequestException(pointer(path), "must not contain the character U+0000");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new InvalidRequestException(pointer(path), "must not contain half of a surrogate pair");
                }
                i++;
            }
        }
    }

    private static void nextElement(Deque<Container> path) {
        if (!path.isEmpty() && !path.getFirst().object) {
            path.getFirst().index++;
        }
    }

    /** RFC 6901: {@code /name}, {@code /items/0}. */
    private static String pointer(Deque<Container> path) {
        StringBuilder pointer = new StringBuilder();
        for (Iterator<Container> outermostFirst = path.descendingIterator(); outermostFirst.hasNext(); ) {
            Container container = outermostFirst.next();
            String token = container.object ? container.key : Integer.toString(container.index);
            pointer.append('/').append(Text.withoutControlCharacters(token).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** An object (its member names so far, the current one) or an array (the current index). */
    private static final class Container {
        final boolean object;
        final Set<String> keys = new HashSet<>();
        String key = "";
        int index;

        Container(boolean object) {
            this.object = object;
        }
    }
}
