package autosdk.conformance;

import autosdk.emit.java.RestCallSites.CallSite;
import autosdk.model.Parameter;
import autosdk.testing.Prism;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Calls one operation's generated method with decoded samples and says what happened. The samples of an operation
 * come as candidates per parameter and body (the spec's examples first, the faker's last); attempt {@code n} takes
 * each one's n-th candidate (or its last when it has fewer).
 */
final class OperationCall {
    /** What one call came to, best first. */
    enum Result {
        DECODED,
        NOT_DECODED,
        REJECTED,
        SAMPLE_UNDECODABLE,
        CLIENT_FAILED,
        SKIPPED
    }

    record Outcome(Result result, String detail) {}

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "conformance-call");
        t.setDaemon(true);
        return t;
    });

    private final ConformanceSdk sdk;
    private final SampleDecoder decoder;
    private final Object entry;
    private final Prism prism;

    OperationCall(ConformanceSdk sdk, Object entry, Prism prism) {
        this.sdk = sdk;
        this.decoder = new SampleDecoder(sdk);
        this.entry = entry;
        this.prism = prism;
    }

    /** Why the suite does not call this operation, or null when it does. */
    static String skipReason(CallSite site) {
        if (site.requestKind().equals("MULTIPART") && site.formSetters().isEmpty()) {
            return "multipart/form-data without an object schema (the method takes a raw HttpBody)";
        }
        return null;
    }

    /** How many attempts the samples allow: the most candidates any parameter or body has. */
    static int attempts(String samples) throws Exception {
        int most = 1;
        for (String group : List.of("params", "bodies")) {
            for (String candidates : SampleDecoder.children(member(samples, group), JsonToken.START_OBJECT)
                    .values()) {
                most = Math.max(
                        most,
                        SampleDecoder.children(candidates, JsonToken.START_ARRAY)
                                .size());
            }
        }
        return most;
    }

    Outcome call(CallSite site, String samples, int attempt) throws Exception {
        Object client = site.accessor() == null
                ? entry
                : entry.getClass().getMethod(site.accessor()).invoke(entry);
        Method method = find(client.getClass(), site);
        Type[] types = method.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        String bodySample = null;
        Object bodyValue = null;
        try {
            int i = 0;
            for (Parameter p : site.arguments()) {
                String sample = candidate(member(samples, "params"), key(p), attempt);
                if (sample == null) {
                    return new Outcome(Result.CLIENT_FAILED, "no sample for required parameter " + key(p));
                }
                args[i] = decoder.decode(sample, types[i]);
                i++;
            }
            if (site.body() != null) {
                String sample = candidate(member(samples, "bodies"), site.body().mediaType(), attempt);
                args[i] = body(site, sample, types[i]);
                if (sample != null && site.requestKind().equals("JSON")) {
                    bodySample = sample;
                    bodyValue = args[i];
                }
                i++;
            }
            if (!site.optional().isEmpty()) args[i] = optional(site, member(samples, "params"), attempt, types[i]);
        } catch (SampleDecoder.Undecodable e) {
            return new Outcome(Result.SAMPLE_UNDECODABLE, e.getMessage());
        }
        long mark = prism.logMark();
        Future<Object> call = CALLS.submit(() -> consume(method.invoke(client, args)));
        try {
            call.get(2, TimeUnit.MINUTES);
            return new Outcome(Result.DECODED, "");
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome(Result.CLIENT_FAILED, "no answer within 2 minutes");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException t ? t.getCause() : e.getCause();
            Outcome o = classify(cause);
            if (o.result() != Result.REJECTED) return o;
            // Prism answers an invalid request with the spec's own 422 example when it has one: its log says why.
            Thread.sleep(100);
            String detail = o.detail() + " | Prism: " + String.join("; ", prism.errorsSince(mark));
            // What the SDK wrote for the body against the sample it was given: a dropped or changed member is ours.
            if (bodySample != null) {
                List<String> diff = SampleDecoder.differences(bodySample, decoder.encode(bodyValue));
                detail += " | sent vs sample: "
                        + (diff.isEmpty() ? "same" : String.join("; ", diff.subList(0, Math.min(8, diff.size()))));
            }
            return new Outcome(o.result(), detail);
        }
    }

    private Outcome classify(Throwable cause) throws Exception {
        Class<?> apiException = sdk.runtime("ApiException");
        if (sdk.runtime("ApiDecodeException").isInstance(cause)) return new Outcome(Result.NOT_DECODED, message(cause));
        if (apiException.isInstance(cause)) {
            int status = (int) apiException.getMethod("statusCode").invoke(cause);
            String body = (String) apiException.getMethod("rawBody").invoke(cause);
            if (status > 0) {
                return new Outcome(Result.REJECTED, status + " " + SampleDecoder.abbreviate(body == null ? "" : body));
            }
        }
        if (cause instanceof java.io.UncheckedIOException || cause instanceof java.io.IOException) {
            return new Outcome(Result.NOT_DECODED, message(cause));
        }
        return new Outcome(Result.CLIENT_FAILED, message(cause));
    }

    /** The exception and, when it has one, its root cause: the decoder's message names the type and the token. */
    private static String message(Throwable t) {
        Throwable root = t;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) root = root.getCause();
        String head = t.getClass().getSimpleName() + (root == t ? ": " + t.getMessage() : "");
        return SampleDecoder.abbreviate(
                root == t ? head : head + " <- " + root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /** Reads what the method returned to its end: streams of events, input streams. */
    private static Object consume(Object result) throws Exception {
        if (result instanceof Stream<?> s) {
            try (s) {
                return s.limit(10_000).count();
            }
        }
        if (result instanceof InputStream in) {
            try (in) {
                return in.readAllBytes().length;
            }
        }
        return result;
    }

    private Object body(CallSite site, String sample, Type type) throws Exception {
        if (sample == null) {
            if (site.operation().requestBodyRequired()) {
                throw new SampleDecoder.Undecodable("no sample for the request body", null);
            }
            return null;
        }
        return switch (site.requestKind()) {
            case "MULTIPART" -> form(site, sample, (Class<?>) type);
            case "BINARY" ->
                sdk.runtime("HttpBody")
                        .getMethod("bytes", byte[].class, String.class)
                        .invoke(
                                null,
                                text(sample).getBytes(StandardCharsets.UTF_8),
                                site.body().mediaType());
            case "TEXT" -> text(sample);
            default -> decoder.decode(sample, type);
        };
    }

    /**
     * The generated multipart form of the body sample: file fields (binary in the schema) get the sample's text as the
     * file's bytes, every other field is decoded to its setter's type.
     */
    private Object form(CallSite site, String sample, Class<?> formClass) throws Exception {
        Object builder = formClass.getMethod("builder").invoke(null);
        Class<?> httpFile = sdk.runtime("HttpFile");
        java.util.Map<String, String> members = SampleDecoder.children(sample, JsonToken.START_OBJECT);
        for (int k = 0; k < site.formJsonNames().size(); k++) {
            String member = members.get(site.formJsonNames().get(k));
            if (member == null) continue;
            String setter = site.formSetters().get(k);
            Method set = Arrays.stream(builder.getClass().getMethods())
                    .filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no setter " + setter + " on " + builder.getClass()));
            Type param = set.getGenericParameterTypes()[0];
            Object value;
            if (param == httpFile) {
                value = file(httpFile, site.formJsonNames().get(k), text(member));
            } else if (param instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] == httpFile) {
                List<Object> files = new java.util.ArrayList<>();
                for (String item :
                        SampleDecoder.children(member, JsonToken.START_ARRAY).values()) {
                    files.add(file(httpFile, site.formJsonNames().get(k), text(item)));
                }
                value = files;
            } else {
                value = decoder.decode(member, param);
            }
            set.invoke(builder, value);
        }
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private static Object file(Class<?> httpFile, String field, String content) throws Exception {
        return httpFile.getMethod("of", byte[].class, String.class, String.class)
                .invoke(null, content.getBytes(StandardCharsets.UTF_8), field + ".bin", "application/octet-stream");
    }

    /** A string sample as its text, any other sample as its JSON. */
    private static String text(String sample) throws Exception {
        return sample.startsWith("\"") ? unquote(sample) : sample;
    }

    private static String unquote(String json) throws Exception {
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            p.nextToken();
            return p.getText();
        }
    }

    private Object optional(CallSite site, String params, int attempt, Type type) throws Exception {
        if (!site.paramsObject()) {
            String sample = candidate(params, key(site.optional().get(0)), attempt);
            return sample == null ? null : decoder.decode(sample, type);
        }
        Class<?> paramsClass = (Class<?>) type;
        Object builder = paramsClass.getMethod("builder").invoke(null);
        boolean any = false;
        for (int k = 0; k < site.optional().size(); k++) {
            String sample = candidate(params, key(site.optional().get(k)), attempt);
            if (sample == null) continue;
            String setter = site.optionalSetters().get(k);
            Method set = Arrays.stream(builder.getClass().getMethods())
                    .filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no setter " + setter + " on " + builder.getClass()));
            set.invoke(builder, decoder.decode(sample, set.getGenericParameterTypes()[0]));
            any = true;
        }
        return any ? builder.getClass().getMethod("build").invoke(builder) : null;
    }

    /** The overload taking the required arguments, the body and the optional parameters, without call options. */
    private static Method find(Class<?> client, CallSite site) {
        int count = site.arguments().size()
                + (site.body() != null ? 1 : 0)
                + (site.optional().isEmpty() ? 0 : 1);
        List<Method> found = new ArrayList<>();
        for (Method m : client.getMethods()) {
            if (!m.getName().equals(site.method()) || m.getParameterCount() != count) continue;
            if (count > 0 && m.getParameterTypes()[count - 1].getSimpleName().equals("RequestOptions")) continue;
            found.add(m);
        }
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one method " + site.method() + "/" + count + " on " + client + ", found " + found);
        }
        return found.get(0);
    }

    private static String key(Parameter p) {
        return p.in().name().toLowerCase(java.util.Locale.ROOT) + ":" + p.name();
    }

    static String member(String json, String name) throws Exception {
        String v = SampleDecoder.children(json, JsonToken.START_OBJECT).get(name);
        return v == null ? "{}" : v;
    }

    /** The value of the {@code attempt}-th candidate (or the last) that has one, as JSON; null when there is none. */
    private static String candidate(String group, String key, int attempt) throws Exception {
        String list = SampleDecoder.children(group, JsonToken.START_OBJECT).get(key);
        if (list == null) return null;
        List<String> values = new ArrayList<>();
        for (String c : SampleDecoder.children(list, JsonToken.START_ARRAY).values()) {
            String v = SampleDecoder.children(c, JsonToken.START_OBJECT).get("value");
            if (v != null) values.add(v);
        }
        if (values.isEmpty()) return null;
        return values.get(Math.min(attempt, values.size() - 1));
    }

    static Map<String, String> operations(String samples) throws Exception {
        return SampleDecoder.children(samples, JsonToken.START_OBJECT);
    }
}
