package autosdk.read;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.diag.Diagnostics;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML 1.2 core-schema scalars, locations and pointers, and version detection. */
class SpecReaderTest {
    @TempDir
    Path dir;

    private MapNode read(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Diagnostics diagnostics = new Diagnostics();
        SpecNode node = SpecReader.readTree(file, diagnostics).orElseThrow();
        assertThat(diagnostics.all()).isEmpty();
        return (MapNode) node;
    }

    @Test
    void yaml12CoreScalarsKeepNorwayAStringAndNumbersExact() throws Exception {
        MapNode m = read("s.yaml", """
                country: no
                answer: yes
                switch: on
                other: off
                truth: true
                nothing: ~
                big: 123456789012345678901234567890
                hex: 0x1F
                float: 1.50
                quoted: "42"
                """);
        assertThat(m.string("country")).contains("no");
        assertThat(m.string("answer")).contains("yes");
        assertThat(m.string("switch")).contains("on");
        assertThat(m.string("other")).contains("off");
        assertThat(((ScalarNode) m.get("truth")).value()).isEqualTo(Boolean.TRUE);
        assertThat(((ScalarNode) m.get("nothing")).isNull()).isTrue();
        assertThat(((ScalarNode) m.get("big")).value()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(((ScalarNode) m.get("hex")).value()).isEqualTo(BigInteger.valueOf(31));
        assertThat(((ScalarNode) m.get("float")).text()).isEqualTo("1.50");
        assertThat(m.string("quoted")).contains("42");
    }

    @Test
    void everyNodeKnowsItsLineColumnAndPointer() throws Exception {
        MapNode yaml = read("l.yaml", "a:\n  b/c:\n    - x\n    - {d~e: 1}\n");
        SpecNode d = ((MapNode) ((ListNode) ((MapNode) yaml.get("a")).get("b/c"))
                        .items()
                        .get(1))
                .get("d~e");
        assertThat(d.location().line()).isEqualTo(4);
        assertThat(d.location().column()).isEqualTo(13);
        assertThat(d.pointer()).isEqualTo("/a/b~1c/1/d~0e");
        MapNode json = read("l.json", "{\n  \"a\": [1,\n    {\"b\": true}]\n}");
        SpecNode b = ((MapNode) ((ListNode) json.get("a")).items().get(1)).get("b");
        assertThat(b.location().line()).isEqualTo(3);
        assertThat(b.location().column()).isEqualTo(11);
        assertThat(b.pointer()).isEqualTo("/a/1/b");
    }

    @Test
    void detectsKindAndVersion() throws Exception {
        Path file = dir.resolve("a.yaml");
        for (String v : new String[] {"2.0.0", "2.6.0", "3.0.0", "3.1.0"}) {
            Files.writeString(file, "asyncapi: " + v + "\ninfo: {title: t, version: '1'}\n");
            SpecDocument doc = SpecReader.read(file, new Diagnostics()).orElseThrow();
            assertThat(doc.kind()).isEqualTo(SpecKind.ASYNCAPI);
            assertThat(doc.version()).isEqualTo(v);
        }
        Files.writeString(file, "openapi: 3.0.4\ninfo: {title: t, version: '1'}\n");
        assertThat(SpecReader.read(file, new Diagnostics()).orElseThrow().kind())
                .isEqualTo(SpecKind.OPENAPI);
        Diagnostics d = new Diagnostics();
        Files.writeString(file, "asyncapi: 2.7.0\n");
        assertThat(SpecReader.read(file, d)).isEmpty();
        assertThat(d.all().get(0).message())
                .isEqualTo("unsupported asyncapi version \"2.7.0\"; supported: 2.0.0–2.6.0, 3.0.0 or 3.1.0");
    }
}
