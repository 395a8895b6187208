package dev.stagecraft.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a Docker engine on a loopback TCP port or a unix socket, for the ways a real one
 * fails that tests cannot make dockerd do: accept connections and never answer ({@link
 * Mode#SILENT}), answer the version call and then stop answering once a build was sent ({@link
 * Mode#HANG_BUILD}), or hang up in the middle of the build's stream ({@link Mode#DROP_DURING_BUILD}).
 * It records each request line it reads. Every thread it starts is a daemon and ends on {@link #close}.
 */
public final class FakeEngine implements AutoCloseable {
    public enum Mode { SILENT, HANG_BUILD, DROP_DURING_BUILD }

    private final ServerSocketChannel server;
    private final Mode mode;
    private final String host;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch buildSent = new CountDownLatch(1);
    private final CountDownLatch connected = new CountDownLatch(1);

    private FakeEngine(ServerSocketChannel server, Mode mode, String host) {
        this.server = server;
        this.mode = mode;
        this.host = host;
        Thread t = new Thread(this::acceptAll, "fake-engine");
        t.setDaemon(true);
        t.start();
    }

    /** On 127.0.0.1 and a free port. */
    public static FakeEngine tcp(Mode mode) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        return new FakeEngine(s, mode, "tcp://127.0.0.1:" + port);
    }

    /** On a unix socket at {@code path}. */
    public static FakeEngine unix(Path path, Mode mode) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path));
        return new FakeEngine(s, mode, "unix://" + path);
    }

    /** The address to give as DOCKER_HOST. */
    public String host() {
        return host;
    }

    /** The request lines read so far ("GET /version HTTP/1.1"). */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** Counts down when a build request has been read. */
    public CountDownLatch buildSent() {
        return buildSent;
    }

    /** Counts down on the first connection. */
    public CountDownLatch connected() {
        return connected;
    }

    private void acceptAll() {
        try {
            while (true) {
                SocketChannel c = server.accept();
                open.add(c);
                connected.countDown();
                Thread t = new Thread(() -> serve(c), "fake-engine-connection");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed: the test is over
        }
    }

    private void serve(SocketChannel c) {
        try (c) {
            InputStream in = Channels.newInputStream(c);
            OutputStream out = Channels.newOutputStream(c);
            if (mode == Mode.SILENT) {
                in.transferTo(OutputStream.nullOutputStream()); // take what comes, answer nothing, until closed
                return;
            }
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String line = head.get(0);
                requests.add(line);
                readBody(in, head);
                String path = line.split(" ")[1];
                if (path.contains("/_ping")) {
                    respond(out, "text/plain", "OK");
                } else if (path.contains("/version")) {
                    respond(out, "application/json", "{\"Version\":\"20.10.99-fake\",\"ApiVersion\":\"1.41\","
                            + "\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\",\"Arch\":\"amd64\"}");
                } else if (path.contains("/build") && !path.contains("/build/cancel")) {
                    buildSent.countDown();
                    if (mode == Mode.HANG_BUILD) {
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    // the engine starts its answer, then goes away
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                            + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = "{\"stream\":\"Step 1/2 : FROM stagecraft-test/busybox\\n\"}\r\n"
                            .getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                } else {
                    // anything else (POST /build/cancel, inspect): an engine that stopped answering
                    in.transferTo(OutputStream.nullOutputStream());
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void respond(OutputStream out, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nApi-Version: 1.41\r\nContent-Length: " + b.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** The request line and headers, or nothing at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                line.reset();
                if (s.isEmpty()) {
                    return lines;
                }
                lines.add(s);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static void readBody(InputStream in, List<String> head) throws IOException {
        String length = header(head, "content-length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length.strip()));
        } else if ("chunked".equalsIgnoreCase(String.valueOf(header(head, "transfer-encoding")).strip())) {
            while (true) {
                String size = readLine(in);
                int n = Integer.parseInt(size.split(";")[0].strip(), 16);
                in.readNBytes(n);
                readLine(in);
                if (n == 0) {
                    return;
                }
            }
        }
    }

    private static String header(List<String> head, String name) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return h.substring(colon + 1);
            }
        }
        return null;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
    }
}
