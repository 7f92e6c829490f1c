package fr.rep.caseengine.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as bytes on a socket: a hostile client sends what well-behaved clients refuse to (raw control bytes and
 * non-Latin-1 bytes in headers, undecodable percent escapes, double slashes), and sees exactly what the server
 * answers, Tomcat's own refusals included.
 */
final class RawHttp {

    private static final byte[] CRLF = {'\r', '\n'};

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** One header as sent: its value is bytes, not text, so that any byte can be sent. */
    record Header(String name, byte[] value) {
        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An answer: status, headers (names in lower case, last value wins) and body as UTF-8 text. */
    record Answer(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** Sends one request on its own connection; {@code target} is the request line's target, sent as is. */
    Answer send(String method, String target, List<Header> headers, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(CRLF);
            request.writeBytes(("Host: localhost:" + port).getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(CRLF);
            request.writeBytes("Connection: close".getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(CRLF);
            for (Header header : headers) {
                request.writeBytes((header.name() + ": ").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(header.value());
                request.writeBytes(CRLF);
            }
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(CRLF);
            }
            request.writeBytes(CRLF);
            if (body != null) {
                request.writeBytes(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " could not be sent or read", e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            return new Answer(status, headers, "");
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** One line without its CRLF, read as Latin-1 (header bytes are not UTF-8 in general); null at the end. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
