package autosdk.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import autosdk.diag.SpecException;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.read.SpecReader;
import autosdk.testing.Compiler;
import autosdk.testing.Corpus;
import autosdk.testing.JsonTrees;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded structural damage to corpus specs — keys deleted, types changed, refs broken, values
 * swapped — must end in compiling output or in located diagnostics: never an uncaught exception
 * or a hang.
 */
class MutationTest {
    private static final int MUTANTS_PER_SPEC = 4;
    private static final long SEED = 20261130L;

    static Stream<Arguments> mutants() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path spec : Corpus.specs()) {
            if (Files.size(spec) > 300_000) continue; // the vendor giants are covered by the corpus compile test
            for (int i = 0; i < MUTANTS_PER_SPEC; i++) {
                out.add(Arguments.of(Corpus.root().relativize(spec).toString(), SEED + i * 7919L));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("mutants")
    void damagedSpecsEndInCodeOrLocatedDiagnostics(String relative, long seed, @TempDir Path dir) throws Exception {
        Path original = Corpus.file(relative);
        // Copy the spec's folder so relative refs (commons/...) still resolve from the mutant.
        Path copy = dir.resolve("spec");
        try (Stream<Path> files = Files.walk(original.getParent())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(original.getParent().relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        Path mutant =
                copy.resolve(original.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "") + ".mutant.json");
        Files.writeString(mutant, mutate(original, new Random(seed)));

        GenerationRequest request = GenerationRequest.of(mutant, "com.example.mutant", dir.resolve("out"));
        GenerationResult result = Assertions.assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            try {
                return Generator.plan(request);
            } catch (SpecException e) {
                assertThat(e.diagnostics()).isNotEmpty();
                for (Diagnostic d : e.diagnostics()) {
                    assertThat(d.location().line()).isPositive();
                    assertThat(d.location().column()).isPositive();
                    assertThat(d.toString()).matches("(?s).+:\\d+:\\d+: error: .+ \\(at /.*\\)");
                }
                return null;
            }
        });
        if (result != null) {
            Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
            assertThat(compiled.errors())
                    .as("mutant of %s with seed %d", relative, seed)
                    .isEmpty();
        }
    }

    /** Applies 1–3 random structural changes to the spec and returns it as JSON text. */
    static String mutate(Path spec, Random random) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        SpecNode tree = SpecReader.readTree(spec, diagnostics).orElseThrow();
        Object root = plain(tree);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<Object> containers = new ArrayList<>();
            collect(root, containers);
            Object target = containers.get(random.nextInt(containers.size()));
            damage(target, containers, random);
        }
        return JsonTrees.write(root, true);
    }

    @SuppressWarnings("unchecked")
    private static void damage(Object target, List<Object> containers, Random random) {
        if (target instanceof Map<?, ?> m && !m.isEmpty()) {
            Map<String, Object> map = (Map<String, Object>) m;
            List<String> keys = new ArrayList<>(map.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(5)) {
                case 0 -> map.remove(key);
                case 1 -> map.put(key, changeKind(map.get(key), random));
                case 2 -> map.put("$ref", random.nextBoolean() ? "#/components/schemas/DoesNotExist" : "#/" + key);
                case 3 -> {
                    Object other = containers.get(random.nextInt(containers.size()));
                    map.put(key, other == map ? "self" : deepCopy(other, 0));
                }
                default -> map.put(key, map.containsKey("type") ? Map.of("type", "array") : "string");
            }
        } else if (target instanceof List<?> l && !l.isEmpty()) {
            List<Object> list = (List<Object>) l;
            int i = random.nextInt(list.size());
            switch (random.nextInt(3)) {
                case 0 -> list.remove(i);
                case 1 -> list.set(i, changeKind(list.get(i), random));
                default -> java.util.Collections.swap(list, i, random.nextInt(list.size()));
            }
        }
    }

    private static Object changeKind(Object value, Random random) {
        Object[] replacements = {
            "text",
            new BigDecimal(42),
            Boolean.TRUE,
            null,
            new ArrayList<>(List.of("a")),
            new LinkedHashMap<>(Map.of("k", "v"))
        };
        Object r = replacements[random.nextInt(replacements.length)];
        return r != null && value != null && r.getClass() == value.getClass() ? "changed" : r;
    }

    private static Object deepCopy(Object value, int depth) {
        if (depth > 40) return "deep";
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, deepCopy(v, depth + 1)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object v : l) copy.add(deepCopy(v, depth + 1));
            return copy;
        }
        return value;
    }

    private static void collect(Object value, List<Object> out) {
        if (value instanceof Map<?, ?> m) {
            out.add(m);
            m.values().forEach(v -> collect(v, out));
        } else if (value instanceof List<?> l) {
            out.add(l);
            l.forEach(v -> collect(v, out));
        }
    }

    private static Object plain(SpecNode node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (node instanceof ListNode l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(v -> out.add(plain(v)));
            return out;
        }
        return ((ScalarNode) node).value();
    }
}
