package autosdk.conformance;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.conformance.WsConformanceResult.Kind;
import autosdk.emit.java.WsClientNames;
import autosdk.testing.Compiler;
import autosdk.testing.JsonTrees;
import autosdk.testing.Plans;
import autosdk.ws.WsHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One corpus spec against the harness: generates and compiles the client, then for each channel sends one of every
 * client message (echo-check) and receives the basic and fragmented scenarios, checking each frame's event type
 * against the message the harness sent. Counts go into a {@link WsConformanceResult}; nothing is asserted here.
 */
final class WsSpecRun {
    private static final Duration WAIT = Duration.ofMinutes(3);
    /** The id under which the fragmented scenario reports its unknown-type frame (server.mjs). */
    private static final String UNKNOWN_TYPE = "x.unknown.type";

    private final Path spec;
    private final GenerationRequest.Perspective perspective;
    private final String flag;
    private final Path work;
    private final WsConformanceResult result;
    private final ClassLoader loader;
    private final String pkg;

    private WsSpecRun(
            Path spec,
            GenerationRequest.Perspective perspective,
            Path work,
            WsConformanceResult result,
            ClassLoader loader,
            String pkg) {
        this.spec = spec;
        this.perspective = perspective;
        this.flag = perspective.name().toLowerCase(Locale.ROOT);
        this.work = work;
        this.result = result;
        this.loader = loader;
        this.pkg = pkg;
    }

    /**
     * Runs the whole spec. The harness's message list is made while the client is generated and compiled, and a
     * channel's three scenarios run at the same time, each with its own harness process and client. The client is
     * generated into the package of a plain run, so a client-side spec's SDK is the one CorpusCompileTest (and, for
     * OpenAI, OpenAiHarnessTest) compiles: planned and compiled once per JVM, through {@link Plans} and
     * {@link Compiler#compileCached}.
     */
    static WsConformanceResult run(Path spec, String label, GenerationRequest.Perspective perspective, Path work)
            throws Throwable {
        String flag = perspective.name().toLowerCase(Locale.ROOT);
        WsConformanceResult result = new WsConformanceResult(label, flag);
        String pkg = GenerationRequest.defaultNamespace(spec);
        CompletableFuture<HarnessMessages> harness = CompletableFuture.supplyAsync(() -> {
            try {
                return HarnessMessages.of(spec, flag);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        GenerationRequest request = GenerationRequest.builder(spec, pkg, work.resolve("out"))
                .perspective(perspective)
                .build();
        GenerationResult generated = Plans.of(request);
        List<WsClientNames.ChannelNames> channels = WsClientNames.of(request);
        result.channels = channels.size();
        ClassLoader loader = channels.isEmpty() ? null : compile(label, generated);
        HarnessMessages messages = join(harness);
        for (WsClientNames.ChannelNames ours : channels) {
            if (messages.channel(ours.channelId()) == null) {
                result.problem(
                        ours.channelId(),
                        "-",
                        "-",
                        Kind.NOT_IN_CLIENT,
                        "the harness knows no channel " + ours.channelId());
            }
        }
        if (channels.isEmpty()) return result;
        for (HarnessMessages.ChannelMessages channel : messages.channels()) {
            if (channel.clientMessages().isEmpty() && channel.serverMessages().isEmpty()) continue;
            WsClientNames.ChannelNames names = clientFor(channel, channels);
            if (names == null) {
                result.problem(
                        channel.id(),
                        "-",
                        "-",
                        Kind.NOT_IN_CLIENT,
                        "no client carries the messages of channel " + channel.id());
                continue;
            }
            List<CompletableFuture<Void>> scenarios = new ArrayList<>();
            for (String scenario : List.of("echo-check", "basic", "fragmented")) {
                scenarios.add(CompletableFuture.runAsync(
                        () -> {
                            WsConformanceResult part = new WsConformanceResult(label, flag);
                            try {
                                WsSpecRun run = new WsSpecRun(spec, perspective, work, part, loader, pkg);
                                if (scenario.equals("echo-check")) run.sendEveryClientMessage(names, channel);
                                else run.receive(scenario, names, channel);
                            } catch (Throwable e) {
                                part.problem(channel.id(), scenario, "-", Kind.REJECTED, "the run failed: " + e);
                            }
                            result.add(part);
                        },
                        POOL));
            }
            for (CompletableFuture<Void> f : scenarios) join(f);
        }
        return result;
    }

    /**
     * The client that speaks a harness channel: the one of the same id, else (a request/reply reply channel, whose
     * messages ours delivers on the request's connection) the one that knows one of its messages.
     */
    private static WsClientNames.ChannelNames clientFor(
            HarnessMessages.ChannelMessages channel, List<WsClientNames.ChannelNames> channels) {
        for (WsClientNames.ChannelNames c : channels) {
            if (c.channelId().equals(channel.id())) {
                return c;
            }
        }
        for (WsClientNames.ChannelNames c : channels) {
            for (HarnessMessages.Message m : channel.clientMessages()) {
                if (ourName(m, c.sendMethods()) != null) {
                    return c;
                }
            }
            for (HarnessMessages.Message m : channel.serverMessages()) {
                if (ourName(m, c.eventRecords()) != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Threads for the scenarios run side by side; daemon threads, so a stuck one never keeps the test JVM alive. */
    private static final java.util.concurrent.ExecutorService POOL =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "ws-conformance");
                t.setDaemon(true);
                return t;
            });

    private static <T> T join(CompletableFuture<T> f) throws Throwable {
        try {
            return f.get(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        }
    }

    /** A loader of the compiled client; fails on any javac error. */
    private static ClassLoader compile(String label, GenerationResult generated) {
        Compiler.Result compiled = Compiler.compileCached(generated.files());
        if (!compiled.ok()) {
            throw new AssertionError(
                    "javac errors in the client generated for " + label + ":\n" + String.join("\n", compiled.errors()));
        }
        return compiled.loader();
    }

    /** The folder of a spec's run: "tryAGI-OpenAI/asyncapi.json" → "conformance.tryagi_openai.asyncapi". */
    static String folderName(String label) {
        List<String> parts = new ArrayList<>(List.of("conformance"));
        for (String part : label.replaceFirst("\\.[^./]*$", "").split("/")) {
            String p =
                    part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            parts.add(Character.isDigit(p.charAt(0)) ? "v" + p : p);
        }
        return String.join(".", parts);
    }

    // ---- sending --------------------------------------------------------------------------

    private void sendEveryClientMessage(WsClientNames.ChannelNames names, HarnessMessages.ChannelMessages messages)
            throws Throwable {
        for (String ours :
                names.channelId().equals(messages.id()) ? names.sendMethods().keySet() : java.util.Set.<String>of()) {
            if (messages.clientMessages().stream().noneMatch(m -> ours.equals(ourName(m, names.sendMethods())))) {
                result.notes.add("[" + names.channelId() + "] our client has a send method for " + ours
                        + ", which the harness does not list as a client message");
            }
        }
        if (messages.clientMessages().isEmpty()) return;
        result.clientMessages += messages.clientMessages().size();
        List<HarnessMessages.Message> sent = new ArrayList<>();
        Path report = work.resolve(messages.id().replaceAll("[^A-Za-z0-9]+", "_") + "-echo-check.json");
        Object tree;
        // --idle only guards against a stuck client: the client closes when it has sent everything, which ends the run.
        try (WsHarness h = WsHarness.start(
                spec,
                "echo-check",
                report,
                "--perspective",
                flag,
                "--channel",
                messages.id(),
                "--idle",
                "120",
                "--timeout",
                "300")) {
            try (GeneratedWsClient client = GeneratedWsClient.connect(loader, pkg, names.client(), h.url())) {
                for (HarnessMessages.Message m : messages.clientMessages()) {
                    if (send(client, names, m)) sent.add(m);
                }
            }
            tree = JsonTrees.parse(h.awaitReport(WAIT.toSeconds()));
        }
        result.sent += sent.size();
        List<Object> frames = list(JsonTrees.at(tree, "received.frameLog"));
        for (int i = 0; i < sent.size(); i++) {
            Object frame = i < frames.size() ? frames.get(i) : null;
            if (frame != null && Boolean.TRUE.equals(JsonTrees.at(frame, "ok"))) {
                result.valid++;
            } else {
                result.problem(
                        messages.id(),
                        "echo-check",
                        sent.get(i).id(),
                        Kind.REJECTED,
                        frame == null
                                ? "the harness did not receive the frame"
                                : "invalid: " + JsonTrees.at(frame, "errors"));
            }
        }
        if (frames.size() > sent.size()) {
            result.problem(
                    messages.id(),
                    "echo-check",
                    "-",
                    Kind.REJECTED,
                    (frames.size() - sent.size()) + " frame(s) more than sent");
        }
    }

    /** Sends the harness's sample of {@code m} with the typed send method; false (with a problem) when it cannot. */
    private boolean send(GeneratedWsClient client, WsClientNames.ChannelNames names, HarnessMessages.Message m) {
        String channel = names.channelId();
        if (!m.hasSample()) {
            result.problem(channel, "echo-check", m.id(), Kind.NO_SAMPLE, m.unavailable());
            return false;
        }
        String ours = ourName(m, names.sendMethods());
        if (ours == null) {
            result.problem(
                    channel,
                    "echo-check",
                    m.id(),
                    Kind.NOT_IN_CLIENT,
                    "no send method for it; client sends " + names.sendMethods().keySet());
            return false;
        }
        String method = names.sendMethods().get(ours);
        try {
            if (m.binary()) client.sendBinary(method, m.binarySample());
            else client.sendText(method, m.sample());
            return true;
        } catch (GeneratedWsClient.SampleNotReadable e) {
            result.problem(
                    channel,
                    "echo-check",
                    m.id(),
                    Kind.SAMPLE_NOT_READABLE,
                    e.getMessage() + " sample " + excerpt(m.sample()));
        } catch (Throwable e) {
            result.problem(channel, "echo-check", m.id(), Kind.REJECTED, method + " failed: " + e);
        }
        return false;
    }

    // ---- receiving ------------------------------------------------------------------------

    private void receive(String scenario, WsClientNames.ChannelNames names, HarnessMessages.ChannelMessages messages)
            throws Throwable {
        List<HarnessMessages.Message> samples = new ArrayList<>();
        for (HarnessMessages.Message m : messages.serverMessages()) {
            if (m.unavailable() == null) samples.add(m);
            else if (scenario.equals("basic")) {
                result.problem(messages.id(), scenario, m.id(), Kind.NO_SAMPLE, m.unavailable());
            }
        }
        if (samples.isEmpty()) return;
        Path report = work.resolve(messages.id().replaceAll("[^A-Za-z0-9]+", "_") + "-" + scenario + ".json");
        Object tree;
        List<Object> events;
        try (WsHarness h = WsHarness.start(
                spec, scenario, report, "--perspective", flag, "--channel", messages.id(), "--timeout", "300")) {
            try (GeneratedWsClient client = GeneratedWsClient.connect(loader, pkg, names.client(), h.url())) {
                if (scenario.equals("basic")) client.awaitEvents(samples.size(), WAIT); // then the client closes
                else client.awaitClosed(WAIT); // the harness closes with 4001 when it has sent everything
                events = client.events();
            }
            tree = JsonTrees.parse(h.awaitReport(WAIT.toSeconds()));
        }
        List<Expected> expected = scenario.equals("basic") ? basicFrames(samples) : fragmentedFrames(tree);
        check(scenario, names, messages, expected, events);
    }

    /**
     * A frame the harness sent: a sample of message {@code id}, or one of the fragmented scenario's deliberate
     * Unknowns.
     */
    private record Expected(String id, boolean unknownType, boolean malformed) {}

    /** basic sends one frame per message with a sample, in the channel's order. */
    private static List<Expected> basicFrames(List<HarnessMessages.Message> samples) {
        return samples.stream().map(m -> new Expected(m.id(), false, false)).toList();
    }

    /**
     * fragmented: the fragment log lists the samples in sending order (the multi-byte copy first, when there is one);
     * the README places the unknown-type frame after the first sample and the malformed frame halfway through.
     */
    private List<Expected> fragmentedFrames(Object tree) {
        List<Expected> out = new ArrayList<>();
        List<Object> log = list(JsonTrees.at(tree, "sent.fragmentLog"));
        List<Object> samples = new ArrayList<>();
        for (Object entry : log) {
            if (JsonTrees.at(entry, "splitInsideUtf8At") != null) out.add(expected(entry));
            else samples.add(entry);
        }
        int mid = Math.max(1, samples.size() / 2);
        for (int i = 0; i < samples.size(); i++) {
            out.add(expected(samples.get(i)));
            if (i == 0 && JsonTrees.number(tree, "sent.extras.unknownType") > 0) {
                out.add(new Expected(UNKNOWN_TYPE, true, false));
            }
            if (i == mid - 1 && JsonTrees.number(tree, "sent.extras.malformedJson") > 0) {
                out.add(new Expected("(malformed-json)", false, true));
            }
        }
        return out;
    }

    private static Expected expected(Object logEntry) {
        return new Expected((String) JsonTrees.at(logEntry, "message"), false, false);
    }

    /** Pairs the i-th event with the i-th frame and compares the event's type with the frame's message. */
    private void check(
            String scenario,
            WsClientNames.ChannelNames names,
            HarnessMessages.ChannelMessages messages,
            List<Expected> frames,
            List<Object> events)
            throws Throwable {
        String channel = messages.id();
        for (int i = 0; i < frames.size(); i++) {
            Expected f = frames.get(i);
            result.serverFrames++;
            Object event = i < events.size() ? events.get(i) : null;
            if (event == null) {
                result.mistyped++;
                result.problem(
                        channel,
                        scenario,
                        f.id(),
                        Kind.MISTYPED,
                        "no event for frame " + i + " (" + events.size() + " events)");
                continue;
            }
            String kind = GeneratedWsClient.kind(event);
            if (f.unknownType() || f.malformed()) {
                if (kind.equals("Unknown") && (GeneratedWsClient.error(event) != null) == f.malformed()) {
                    result.unknownAsExpected++;
                } else if (f.unknownType()
                        && records(messages.unknownTypeValidFor(), messages, names)
                                .contains(kind)) {
                    result.ambiguous++; // the "unknown" frame is still a valid instance of this message
                } else {
                    result.mistyped++;
                    result.problem(
                            channel,
                            scenario,
                            f.id(),
                            Kind.MISTYPED,
                            "expected Unknown" + (f.malformed() ? " with an error" : "") + ", got " + kind
                                    + (kind.equals("Unknown") ? " error=" + GeneratedWsClient.error(event) : ""));
                }
                continue;
            }
            HarnessMessages.Message sent = messages.serverMessages().stream()
                    .filter(m -> m.id().equals(f.id()))
                    .findFirst()
                    .orElse(null);
            String ours = sent == null ? null : ourName(sent, names.eventRecords());
            String want = ours == null ? null : names.eventRecords().get(ours);
            if (want != null && want.equals(kind)) {
                result.typedCorrectly++;
            } else if (sent != null
                    && records(sent.alsoValidFor(), messages, names).contains(kind)) {
                result.ambiguous++; // the sample is just as valid an instance of the message it was typed as
            } else {
                result.mistyped++;
                String got = kind.equals("Unknown")
                        ? "Unknown(" + GeneratedWsClient.error(event) + ") " + excerpt(GeneratedWsClient.raw(event))
                        : kind;
                result.problem(
                        channel,
                        scenario,
                        f.id(),
                        want == null ? Kind.NOT_IN_CLIENT : Kind.MISTYPED,
                        (want == null
                                        ? "no event for it in the client (receives "
                                                + names.eventRecords().keySet() + ")"
                                        : "expected " + want)
                                + ", got " + got);
            }
        }
        if (events.size() > frames.size()) {
            result.problem(
                    channel,
                    scenario,
                    "-",
                    Kind.MISTYPED,
                    (events.size() - frames.size()) + " event(s) more than frames sent");
        }
    }

    /** The event records of the harness's messages {@code ids}. */
    private static List<String> records(
            List<String> ids, HarnessMessages.ChannelMessages messages, WsClientNames.ChannelNames names) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            messages.serverMessages().stream()
                    .filter(m -> m.id().equals(id))
                    .findFirst()
                    .map(m -> ourName(m, names.eventRecords()))
                    .map(names.eventRecords()::get)
                    .ifPresent(out::add);
        }
        return out;
    }

    // ---- names ----------------------------------------------------------------------------

    /**
     * Our model's name for a harness message. The harness names a message by its id (the key it is declared under)
     * and keeps its {@code name}; our model takes {@code name}, then {@code messageId}, then the key. A "#2" suffix
     * marks a second message of the same id in the harness.
     */
    private static String ourName(HarnessMessages.Message m, Map<String, String> ours) {
        if (m.name() != null && ours.containsKey(m.name())) return m.name();
        return ourName(m.id(), ours);
    }

    private static String ourName(String harnessId, Map<String, String> ours) {
        return harnessId != null && ours.containsKey(harnessId) ? harnessId : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String excerpt(String s) {
        if (s == null) return "null";
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
