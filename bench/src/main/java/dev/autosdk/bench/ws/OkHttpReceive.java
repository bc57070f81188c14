package dev.autosdk.bench.ws;

import dev.autosdk.bench.openai.realtime.okhttp.OpenAiRealtimeApiClient;
import dev.autosdk.bench.openai.realtime.okhttp.OpenAiRealtimeApiClientEvent;
import dev.autosdk.bench.ws.WsThroughput.Probe;
import dev.autosdk.bench.ws.WsThroughput.Run;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The OkHttp pair of {@link WsThroughput}: the realtime client generated with transport okhttp (it shares the JDK
 * client's models, so both decode with the same generated codecs and only the transport differs), against a raw
 * OkHttp {@link WebSocketListener} that only counts each message's characters.
 */
final class OkHttpReceive {
    /** The raw listener's client: no timeouts of OkHttp's own, as the generated transport's default client. */
    private static final OkHttpClient RAW_CLIENT = new OkHttpClient.Builder()
            .readTimeout(Duration.ZERO)
            .writeTimeout(Duration.ZERO)
            .callTimeout(Duration.ZERO)
            .build();

    private OkHttpReceive() {}

    /**
     * The baseline: a raw OkHttp listener. OkHttp hands over whole messages as a {@code String} (it reads every
     * fragment and decodes the UTF-8 itself), so there is nothing to accumulate; it counts the characters.
     */
    static Run raw(URI uri, long target) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        final class Listener extends WebSocketListener {
            long count; // written by OkHttp's single reader thread only
            long chars;

            @Override
            public void onMessage(WebSocket ws, String text) {
                chars += text.length();
                if (++count == target) done.complete(null);
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                if (!done.isDone()) {
                    done.completeExceptionally(new IllegalStateException("closed after " + count + " events"));
                }
                ws.close(1000, null); // OkHttp does not answer a close by itself
            }

            @Override
            public void onFailure(WebSocket ws, Throwable error, Response response) {
                done.completeExceptionally(error);
            }
        }
        Probe probe = Probe.start();
        WebSocket ws = RAW_CLIENT.newWebSocket(
                new Request.Builder().url(uri.toString()).build(), new Listener());
        done.get(5, TimeUnit.MINUTES);
        Run run = probe.stop("ok-raw", target, target);
        ws.close(1000, null);
        return run;
    }

    /** The generated OkHttp client, counting typed events (anything but {@code Unknown}/{@code Binary}). */
    static Run typed(URI uri, long target) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long[] counts = new long[2]; // [all, typed]; written by the client's single event thread only
        OpenAiRealtimeApiClient client =
                OpenAiRealtimeApiClient.builder("gpt-realtime").uri(uri).build();
        client.onEvent(e -> {
            if (!(e instanceof OpenAiRealtimeApiClientEvent.Unknown)
                    && !(e instanceof OpenAiRealtimeApiClientEvent.Binary)) {
                counts[1]++;
            }
            if (++counts[0] == target) done.complete(null);
        });
        client.onClose((code, reason) -> {
            if (!done.isDone()) {
                done.completeExceptionally(new IllegalStateException("closed after " + counts[0] + " events"));
            }
        });
        Probe probe = Probe.start();
        client.connectBlocking();
        done.get(5, TimeUnit.MINUTES);
        Run run = probe.stop("ok-typed", target, counts[1]);
        client.close();
        if (counts[1] != target) {
            throw new IllegalStateException((target - counts[1]) + " events were not decoded as typed events");
        }
        return run;
    }
}
