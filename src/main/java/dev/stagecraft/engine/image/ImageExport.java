package dev.stagecraft.engine.image;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.stagecraft.engine.EngineEndpoint;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Opens {@code GET /images/{name}/get}, the engine's export of an image, as a stream: over a Unix
 * socket with the JDK's channels ({@link UnixSocketGet}), elsewhere (TCP, TLS) through
 * docker-java. Its own HTTP client sets a read timeout that applies to every read, not to the whole export: an engine
 * that sends nothing for that long (before the first byte or in the middle) is an error, a long
 * export that keeps coming is fine. Closing the stream aborts the request (nothing is drained).
 * Blocking; one export per instance; the stream may be closed from another thread.
 */
final class ImageExport {
    private ImageExport() {
    }

    /**
     * @param readTimeout how long any one read may wait; Docker 20.10 stages the whole export in a
     *                    temporary folder before the first byte, so the caller scales it with the
     *                    image's size
     */
    static InputStream open(EngineEndpoint endpoint, String image, Duration readTimeout) throws IOException {
        String path = "/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "/get";
        if (endpoint.unixSocket()) {
            UnixSocketGet.Answer answer;
            try {
                answer = UnixSocketGet.get(endpoint.socketPath(), path, readTimeout);
            } catch (IOException e) {
                throw failure(image, e, readTimeout);
            }
            if (answer.status() != 200) {
                String body;
                try (InputStream in = answer.body()) {
                    body = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
                }
                if (answer.status() == 404) {
                    throw new ImageNotFoundException(image);
                }
                throw new IOException("can't export " + image + ": HTTP " + answer.status() + " " + body);
            }
            InputStream body = answer.body();
            return guarded(body, image, readTimeout, body::close);
        }
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(endpoint.tlsVerify());
        if (endpoint.certPath() != null) {
            config.withDockerCertPath(endpoint.certPath().toString());
        }
        DefaultDockerClientConfig cfg = config.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(cfg.getDockerHost())
                .sslConfig(cfg.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(readTimeout)
                .maxConnections(1)
                .build();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        DockerHttpClient.Response response;
        try {
            response = http.execute(request);
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw failure(image, e, readTimeout);
        }
        int status = response.getStatusCode();
        if (status != 200) {
            String body;
            try (InputStream in = response.getBody()) {
                body = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            } finally {
                response.close();
                closeQuietly(http);
            }
            if (status == 404) {
                throw new ImageNotFoundException(image);
            }
            throw new IOException("can't export " + image + ": HTTP " + status + " " + body);
        }
        return guarded(response.getBody(), image, readTimeout, () -> {
            // not the body's close, which drains the rest: docker-java's httpclient5 response aborts the request
            response.close();
            closeQuietly(http);
        });
    }

    /** The body, its failures turned into one line; closing it runs {@code closer} once. */
    private static InputStream guarded(InputStream body, String image, Duration readTimeout, Closeable closer) {
        return new FilterInputStream(body) {
            private boolean closed;

            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException | RuntimeException e) {
                    throw failure(image, e, readTimeout);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException | RuntimeException e) {
                    throw failure(image, e, readTimeout);
                }
            }

            @Override
            public long skip(long n) throws IOException {
                try {
                    return super.skip(n);
                } catch (IOException | RuntimeException e) {
                    throw failure(image, e, readTimeout);
                }
            }

            @Override
            public synchronized void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                closer.close();
            }
        };
    }

    /** One line for a failed transfer: a timeout says how long nothing came. */
    static IOException failure(String image, Throwable e, Duration readTimeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || (t instanceof InterruptedIOException && String.valueOf(t.getMessage()).contains("timed out"))) {
                return new IOException("the engine sent nothing for " + readTimeout.toSeconds()
                        + " s while exporting " + image, e);
            }
        }
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException("can't export " + image + ": " + dev.stagecraft.engine.Engine.reason(e), e);
    }

    private static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException e) {
            System.getLogger(ImageExport.class.getName()).log(System.Logger.Level.DEBUG, "closing the export client", e);
        }
    }
}
