package dev.stagecraft.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An engine on loopback that answers the inspect but then never sends the export, or sends part of
 * it and stops: the read fails with one line after the read timeout, or ends at once when
 * cancelled, instead of hanging.
 */
@Timeout(60)
class SilentEngineTest {
    private ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch exportAsked = new CountDownLatch(1);

    /** @param partial bytes of export to send before going silent; -1 for not even the headers */
    private Engine engine(int partial) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    sockets.add(s);
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
        return Engine.connect(EngineEndpoint.of("tcp://127.0.0.1:" + server.getLocalPort(), "test"));
    }

    private void serve(Socket s, int partial) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
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
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void anEngineThatNeverSendsTheExportIsAnErrorAfterTheReadTimeout() throws Exception {
        try (Engine e = engine(-1)) {
            IOException x = assertThrows(IOException.class,
                    () -> new ImageReader(e, Duration.ofSeconds(1)).read("silent:1", ReadControl.plain()));
            assertEquals("the engine sent nothing for 1 s while exporting sha256:5ea1", x.getMessage());
        }
    }

    @Test
    void anExportThatStopsHalfwayIsAnErrorAfterTheReadTimeout() throws Exception {
        try (Engine e = engine(1536)) {
            IOException x = assertThrows(IOException.class,
                    () -> new ImageReader(e, Duration.ofSeconds(1)).read("silent:1", ReadControl.plain()));
            assertEquals("the engine sent nothing for 1 s while exporting sha256:5ea1", x.getMessage());
        }
    }

    @Test
    void aCancelEndsAReadTheEngineLeftHanging() throws Exception {
        try (Engine e = engine(1536)) {
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
