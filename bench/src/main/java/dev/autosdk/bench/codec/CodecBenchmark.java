package dev.autosdk.bench.codec;

import dev.autosdk.bench.openai.realtime.ServerEventDispatch;
import dev.autosdk.bench.openai.realtime.SourceGenerationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and encode of one OpenAI realtime server event with (a) the generated codecs through the generated JSON
 * context, (b) Jackson databind on equivalent classes, (c) bare jackson-core (token scan / token replay) and (d) the
 * official OpenAI Java SDK's models. Every method consumes the same bytes (or produces the same document) so the
 * ratios compare like with like. The {@code ...Dispatch} methods decode the message text through each SDK's
 * server-event union, as its WebSocket client does with every message it receives.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CodecBenchmark {
    @Param({"AUDIO_DELTA", "SESSION_CREATED", "RESPONSE_DONE"})
    public Fixture fixture;

    private byte[] json;
    private Class<?> generatedType;
    private Class<?> databindType;
    private Object generatedValue;
    private Object databindValue;
    private Object openaiValue;
    private String text;
    private TokenScan.Recording recording;

    @Setup
    public void setUp() throws IOException {
        json = fixture.bytes();
        generatedType = fixture.generatedType;
        databindType = fixture.databindType;
        generatedValue = SourceGenerationContext.DEFAULT.read(json, generatedType);
        databindValue = DatabindEvents.MAPPER.readValue(json, databindType);
        openaiValue = OpenAiJavaEvents.decode(json, fixture.openaiType);
        text = new String(json, StandardCharsets.UTF_8);
        recording = TokenScan.Recording.of(json);
    }

    // ---- decode -----------------------------------------------------------------------------

    @Benchmark
    public Object decodeAutosdk() {
        return SourceGenerationContext.DEFAULT.read(json, generatedType);
    }

    @Benchmark
    public Object decodeDatabind() throws IOException {
        return DatabindEvents.MAPPER.readValue(json, databindType);
    }

    @Benchmark
    public Object decodeOpenaiJava() throws IOException {
        return OpenAiJavaEvents.decode(json, fixture.openaiType);
    }

    /** (a) through the generated client's sealed event type: peek {@code type}, then the specific codec. */
    @Benchmark
    public Object decodeAutosdkDispatch() {
        return ServerEventDispatch.decode(text);
    }

    /** (d) through {@code RealtimeServerEvent}, as the official SDK's WebSocket connection decodes a message. */
    @Benchmark
    public Object decodeOpenaiJavaDispatch() throws IOException {
        return OpenAiJavaEvents.decodeServerEvent(text);
    }

    @Benchmark
    public int decodeTokenScan() throws IOException {
        return TokenScan.scan(json);
    }

    @Benchmark
    public long decodeTokenScanValues() throws IOException {
        return TokenScan.scanValues(json);
    }

    // ---- encode -----------------------------------------------------------------------------

    @Benchmark
    public byte[] encodeAutosdk() {
        return SourceGenerationContext.DEFAULT.writeBytes(generatedValue);
    }

    @Benchmark
    public byte[] encodeDatabind() throws IOException {
        return DatabindEvents.MAPPER.writeValueAsBytes(databindValue);
    }

    @Benchmark
    public byte[] encodeOpenaiJava() throws IOException {
        return OpenAiJavaEvents.encode(openaiValue);
    }

    @Benchmark
    public byte[] encodeTokenReplay() throws IOException {
        return recording.write();
    }
}
