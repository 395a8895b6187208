package dev.stagecraft.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineEndpoint;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An engine on loopback that answers the inspect but then never sends the export, or sends part of
 * it and stops: the read fails with one line after the read timeout, or ends at once when
 * cancelled, instead of hanging.
 */
@Timeout(60)
class SilentEngineTest {
    private ServerSocket server;
    private ServerSocketChannel unixServer;
    private final List<Closeable> closeables = new CopyOnWriteArrayList<>();
    private final CountDownLatch exportAsked = new CountDownLatch(1);


    /**
     * @param partial bytes of export to send before going silent; -1 for not even the headers
     * @param unix    listen on a Unix socket (the JDK channel path) rather than TCP (docker-java's)
     */
    private Engine engine(int partial, boolean unix) throws IOException {
        String host;
        if (unix) {
            Path sock = Files.createTempDirectory("silent-engine").resolve("docker.sock");
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(sock));
            unixServer = ch;
            host = "unix://" + sock;
            accept(() -> {
                SocketChannel c = ch.accept();
                closeables.add(c);
                return new Streams(Channels.newInputStream(c), Channels.newOutputStream(c));
            }, partial);
        } else {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            host = "tcp://127.0.0.1:" + server.getLocalPort();
            accept(() -> {
                Socket s = server.accept();
                closeables.add(s);
                return new Streams(s.getInputStream(), s.getOutputStream());
            }, partial);
        }
        return Engine.connect(EngineEndpoint.of(host, "test"));
    }

    record Streams(InputStream in, OutputStream out) {
    }

    interface Acceptor {
        Streams accept() throws IOException;
    }

    private void accept(Acceptor acceptor, int partial) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Streams s = acceptor.accept();
                    Thread h = new Thread(() -> serve(s, partial), "fake-engine-conn");
                    h.setDaemon(true);
                    h.start();
                }
            } catch (IOException e) {
                // closed by the test
            }
        }, "fake-engine");
        t.setDaemon(true);
        t.start();
    }

    private void serve(Streams s, int partial) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.in(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.out();
            while (true) {
                String request = in.readLine();
                if (request == null) {
                    return;
                }
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // headers: GET requests have no body
                }
                if (request.contains("/get")) {
                    exportAsked.countDown();
                    if (partial >= 0) {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(partial) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(new byte[partial]);
                        out.flush();
                    }
                    Thread.sleep(Long.MAX_VALUE); // and then nothing, ever
                }
                byte[] body = "{\"Id\":\"sha256:5ea1\",\"Size\":1000,\"RepoTags\":[\"silent:1\"]}"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (unixServer != null) {
            unixServer.close();
        }
        for (Closeable c : closeables) {
            c.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEngineThatNeverSendsTheExportIsAnErrorAfterTheReadTimeout(boolean unix) throws Exception {
        try (Engine e = engine(-1, unix)) {
            IOException x = assertThrows(IOException.class,
                    () -> new ImageReader(e, Duration.ofSeconds(1)).read("silent:1", ReadControl.plain()));
            assertEquals("the engine sent nothing for 1 s while exporting sha256:5ea1", x.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anExportThatStopsHalfwayIsAnErrorAfterTheReadTimeout(boolean unix) throws Exception {
        try (Engine e = engine(1536, unix)) {
            IOException x = assertThrows(IOException.class,
                    () -> new ImageReader(e, Duration.ofSeconds(1)).read("silent:1", ReadControl.plain()));
            assertEquals("the engine sent nothing for 1 s while exporting sha256:5ea1", x.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCancelEndsAReadTheEngineLeftHanging(boolean unix) throws Exception {
        try (Engine e = engine(1536, unix)) {
            ReadControl control = ReadControl.plain();
            Thread canceller = new Thread(() -> {
                try {
                    exportAsked.await();
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    return;
                }
                control.cancel();
            });
            canceller.start();
            // a read timeout far longer than the test's: only the cancel can end this read
            assertThrows(CancellationException.class,
                    () -> new ImageReader(e, Duration.ofMinutes(10)).read("silent:1", control));
            canceller.join();
        }
    }
}
