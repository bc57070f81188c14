package autosdk.conformance;

import autosdk.testing.JsonTrees;
import autosdk.ws.WsHarness;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The harness's own reading of a spec: per channel, the messages the client may send, each with a valid sample, and
 * the messages the server sends. Made by {@code conformance/ws-messages.mjs}, run inside the harness copy so it uses
 * the harness's parser, validator and sample generator: the samples we send are the ones the judge calls valid.
 */
record HarnessMessages(List<ChannelMessages> channels) {

    /** A message as the harness names it ({@code id}, and the message's {@code name} when it has one). */
    record Message(
            String id,
            String name,
            boolean binary,
            String sample,
            byte[] binarySample,
            String unavailable,
            List<String> alsoValidFor) {
        boolean hasSample() {
            return sample != null || binarySample != null;
        }
    }

    /** {@code unknownTypeValidFor}: the messages that still accept the fragmented scenario's unknown-type frame. */
    record ChannelMessages(
            String id,
            String address,
            List<Message> clientMessages,
            List<Message> serverMessages,
            List<String> unknownTypeValidFor) {}

    ChannelMessages channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    static HarnessMessages of(Path spec, String perspective) throws Exception {
        Path dir = WsHarness.install();
        Path script = dir.resolve("ws-messages.mjs");
        try (InputStream in =
                HarnessMessages.class.getClassLoader().getResourceAsStream("conformance/ws-messages.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(
                        "node",
                        script.getFileName().toString(),
                        "--spec",
                        spec.toString(),
                        "--perspective",
                        perspective)
                .directory(dir.toFile())
                .start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(
                    "ws-messages.mjs failed for " + spec + ":\n" + new String(err.get(), StandardCharsets.UTF_8));
        }
        return parse(JsonTrees.parse(out));
    }

    @SuppressWarnings("unchecked")
    private static HarnessMessages parse(Object tree) {
        List<ChannelMessages> channels = new ArrayList<>();
        for (Object c : (List<Object>) JsonTrees.at(tree, "channels")) {
            Map<String, Object> ch = (Map<String, Object>) c;
            channels.add(new ChannelMessages(
                    (String) ch.get("id"),
                    (String) ch.get("address"),
                    messages(ch.get("clientMessages")),
                    messages(ch.get("serverMessages")),
                    strings(ch.get("unknownTypeValidFor"))));
        }
        return new HarnessMessages(channels);
    }

    @SuppressWarnings("unchecked")
    private static List<Message> messages(Object list) {
        List<Message> out = new ArrayList<>();
        for (Object o : (List<Object>) list) {
            Map<String, Object> m = (Map<String, Object>) o;
            String base64 = (String) m.get("sampleBase64");
            String unavailable = (String) m.get("unavailable");
            if (Boolean.FALSE.equals(m.get("sampleAvailable"))) unavailable = "no valid sample";
            out.add(new Message(
                    (String) m.get("id"),
                    (String) m.get("name"),
                    Boolean.TRUE.equals(m.get("binary")),
                    (String) m.get("sample"),
                    base64 == null ? null : java.util.Base64.getDecoder().decode(base64),
                    unavailable,
                    strings(m.get("alsoValidFor"))));
        }
        return out;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                out.add((String) o);
            }
        }
        return out;
    }
}
