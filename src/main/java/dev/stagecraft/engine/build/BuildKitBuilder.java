package dev.stagecraft.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineConnection;
import dev.stagecraft.engine.build.proto.BuildKitStatus;
import dev.stagecraft.engine.build.proto.BuildKitStatus.StatusResponse;
import dev.stagecraft.engine.context.ContextUnreadable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds with BuildKit through the Engine API: {@code POST /build?version=2} with the context
 * uploaded as a tar, no session, reading the engine's JSON stream ({@code moby.buildkit.trace}
 * progress, {@code moby.image.id}, errors). The stream has a connection of its own without a read
 * timeout (builds take long); cancelling drops it. Thread-safe; each build runs on its own
 * background thread (or the given executor), which also calls the listener.
 */
public final class BuildKitBuilder extends BackgroundBuilder {
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class);
    private static final System.Logger LOG = System.getLogger(BuildKitBuilder.class.getName());

    private final Engine engine;

    public BuildKitBuilder(Engine engine) {
        this(engine, BuildThreads.perBuild());
    }

    public BuildKitBuilder(Engine engine, Executor executor) {
        super(executor);
        this.engine = engine;
    }

    @Override
    void run(BuildRequest request, TarSource context, BuildListener listener, BuildHandle handle) {
        long t0 = System.nanoTime();
        String buildId = "stagecraft-" + UUID.randomUUID();
        BuildKitProgress progress = new BuildKitProgress(listener);
        String imageId = null;
        String error = null;
        boolean lost = false;
        try (InputStream tar = context.open(); EngineConnection connection = engine.openStream()) {
            // until the engine answers, stop the upload and drop the connection (which frees a thread
            // that waits for an engine that no longer answers); the engine drops a build whose client went away
            handle.onCancel(() -> {
                closeQuietly(tar);
                connection.closeQuietly();
                cancelOnEngine(buildId);
            });
            if (!handle.isCancelled()) {
                Request post = Request.builder().method(Request.Method.POST).path(BuildKitQuery.path(request, buildId))
                        .body(tar).headers(Map.of("Content-Type", "application/x-tar")).build();
                try (Response response = connection.http().execute(post)) {
                    // closing the response aborts the request and the closed connection cancels the
                    // solve, but the step's process lingers some 20 ms; /build/cancel stops it before
                    // the engine answers, so nothing runs once cancel() returns
                    handle.onCancel(() -> {
                        abort(response);
                        cancelOnEngine(buildId);
                        connection.closeQuietly();
                    });
                    if (handle.isCancelled()) {
                        abort(response);
                    }
                    if (response.getStatusCode() / 100 != 2) {
                        error = engineMessage(response);
                    } else {
                        BuildStream stream = read(response.getBody(), progress, listener);
                        imageId = stream.imageId;
                        error = stream.error;
                        if (imageId == null && error == null && !handle.isCancelled()) {
                            // the stream ended without the image or an error: the engine hung up
                            lost = true;
                            error = EngineLost.message(engine.endpoint().host(), EngineLost.CLOSED_EARLY);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            ContextUnreadable unreadable = ContextUnreadable.in(e);
            if (handle.isCancelled()) {
                error = null;
            } else if (unreadable != null) {
                error = unreadable.getMessage();
            } else if (e instanceof IllegalStateException && e.getCause() == null) {
                error = e.getMessage(); // an engine address that can't be used
            } else {
                lost = true;
                error = EngineLost.message(engine.endpoint().host(), e);
                LOG.log(System.Logger.Level.DEBUG, "build stream broke", e);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BuildResult result;
        if (error == null && imageId != null) {
            // a cancel that came too late: the image is there
            result = BuildResult.ok(imageId, seconds, Map.of());
        } else if (handle.isCancelled()) {
            result = BuildResult.failed("cancelled", seconds, true, null);
        } else if (lost) {
            result = BuildResult.engineLost(error, seconds);
        } else {
            result = BuildResult.failed(error != null ? error : "the engine reported no image", seconds, false,
                    progress.failure());
        }
        try {
            listener.accept(result.event());
        } finally {
            handle.complete(result);
        }
    }

    /**
     * Runs what a build's first moments need once, on made-up input, so a fresh JVM has loaded and
     * linked it before the build starts: the tar writer, the engine's JSON stream reader and
     * BuildKit's status protobuf with its progress mapping. The command line runs it beside the
     * engine connection (~0.5 s of docker-java starting up), which took a cached build's own
     * time from ~0.2 s to ~0.1 s. Harmless to call more than once or from any thread.
     */
    public static void warmUp() {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(OutputStream.nullOutputStream(),
                    StandardCharsets.UTF_8.name());
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            byte[] text = "FROM scratch\n".getBytes(StandardCharsets.UTF_8);
            entry.setSize(text.length);
            tar.putArchiveEntry(entry);
            tar.write(text);
            tar.closeArchiveEntry();
            tar.finish();
            com.google.protobuf.Timestamp at = com.google.protobuf.Timestamp.newBuilder().setSeconds(1).build();
            StatusResponse status = StatusResponse.newBuilder()
                    .addVertexes(BuildKitStatus.Vertex.newBuilder().setDigest("sha256:0").setName("[warm 1/1] RUN true")
                            .setStarted(at).setCompleted(at))
                    .addLogs(BuildKitStatus.VertexLog.newBuilder().setVertex("sha256:0").setTimestamp(at)
                            .setMsg(com.google.protobuf.ByteString.copyFromUtf8("ok\n")))
                    .build();
            String stream = "{\"id\":\"moby.buildkit.trace\",\"aux\":\""
                    + java.util.Base64.getEncoder().encodeToString(status.toByteArray()) + "\"}\n"
                    + "{\"id\":\"moby.image.id\",\"aux\":{\"ID\":\"sha256:0\"}}\n{\"stream\":\"done\\n\"}\n";
            BuildListener none = BuildListener.none();
            read(new java.io.ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), new BuildKitProgress(none), none);
        } catch (IOException | RuntimeException e) {
            // only a head start: the build itself will meet whatever failed here
            LOG.log(System.Logger.Level.DEBUG, "warm-up failed", e);
        }
    }

    private static final class BuildStream {
        String imageId;
        String error;
    }

    private static BuildStream read(InputStream body, BuildKitProgress progress, BuildListener listener)
            throws IOException {
        BuildStream out = new BuildStream();
        LogTail plain = new LogTail();
        try (MappingIterator<JsonNode> it = JSON.readValues(body)) {
            while (it.hasNextValue()) {
                JsonNode m = it.nextValue();
                String id = m.path("id").asText("");
                if (id.equals("moby.buildkit.trace")) {
                    progress.accept(StatusResponse.parseFrom(m.path("aux").binaryValue()));
                } else if (id.equals("moby.image.id")) {
                    out.imageId = m.path("aux").path("ID").asText(null);
                    if (out.imageId != null) {
                        listener.accept(new BuildEvent.ImageBuilt(out.imageId));
                    }
                } else if (m.has("errorDetail") || m.has("error")) {
                    out.error = m.path("errorDetail").path("message").asText(m.path("error").asText("build failed"));
                } else if (m.has("stream")) {
                    for (String line : plain.add(m.get("stream").asText())) {
                        listener.accept(new BuildEvent.Log(null, null, 0, line));
                    }
                }
            }
        }
        return out;
    }

    private void cancelOnEngine(String buildId) {
        Request cancel = Request.builder().method(Request.Method.POST).path("/build/cancel?id=" + buildId).build();
        try {
            engine.callHttp(http -> {
                try (Response r = http.execute(cancel)) {
                    return r.getStatusCode();
                }
            });
        } catch (IOException | RuntimeException e) {
            // the closed connection cancels the build anyway
            LOG.log(System.Logger.Level.DEBUG, "POST /build/cancel failed", e);
        }
    }

    private static String engineMessage(Response response) throws IOException {
        byte[] body = response.getBody().readAllBytes();
        try {
            JsonNode n = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return n.path("message").asText("engine answered " + response.getStatusCode());
        } catch (IOException e) {
            return "engine answered " + response.getStatusCode() + ": " + new String(body, StandardCharsets.UTF_8).strip();
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    // docker-java's httpclient5 response aborts the request on close, so this never drains the stream
    private static void abort(Response response) {
        response.close();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the context stream failed", e);
        }
    }
}
