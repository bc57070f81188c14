package autosdk.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import autosdk.read.MapNode;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.read.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule of $ref resolution per test. */
class RefResolverTest {
    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();
    private MapNode root;
    private RefResolver resolver;

    private void read(String yaml) throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        root = (MapNode) SpecReader.readTree(file, diagnostics).orElseThrow();
        resolver = new RefResolver(file, root, diagnostics);
    }

    private SpecNode follow(String key) {
        return resolver.follow(root.get(key)).map(RefResolver.Target::node).orElse(null);
    }

    private List<String> messages() {
        return diagnostics.all().stream().map(Diagnostic::message).toList();
    }

    @Test
    void aNodeWithoutRefIsItself() throws Exception {
        read("a: {x: 1}\n");
        assertThat(follow("a")).isSameAs(root.get("a"));
    }

    @Test
    void aLocalPointerReachesItsNode() throws Exception {
        read("a: {$ref: '#/b/c'}\nb: {c: {x: 1}}\n");
        assertThat(follow("a")).isSameAs(((MapNode) root.get("b")).get("c"));
    }

    @Test
    void aChainOfRefsIsFollowedToTheEnd() throws Exception {
        read("a: {$ref: '#/b'}\nb: {$ref: '#/c'}\nc: {x: 1}\n");
        assertThat(follow("a")).isSameAs(root.get("c"));
    }

    @Test
    void escapedSlashAndTildeAreUnescaped() throws Exception {
        read("a: {$ref: '#/b/x~1y~0z'}\nb: {'x/y~z': {v: 1}}\n");
        assertThat(follow("a")).isSameAs(((MapNode) root.get("b")).get("x/y~z"));
    }

    @Test
    void anArrayIndexSelectsAnItem() throws Exception {
        read("a: {$ref: '#/b/1'}\nb: [x, y]\n");
        assertThat(((ScalarNode) follow("a")).text()).isEqualTo("y");
    }

    @Test
    void aBrokenPointerIsReportedAndEmpty() throws Exception {
        read("a: {$ref: '#/nope'}\n");
        assertThat(follow("a")).isNull();
        assertThat(messages()).containsExactly("$ref '#/nope' does not resolve: no 'nope' in spec.yaml at /");
    }

    @Test
    void aCycleIsReported() throws Exception {
        read("a: {$ref: '#/b'}\nb: {$ref: '#/a'}\n");
        assertThat(follow("a")).isNull();
        assertThat(messages()).singleElement().asString().startsWith("$ref cycle:");
    }

    @Test
    void aRemoteRefIsNeverFetched() throws Exception {
        read("a: {$ref: 'https://example.com/s.yaml#/x'}\n");
        assertThat(follow("a")).isNull();
        assertThat(messages()).singleElement().asString().contains("never fetches over the network");
    }

    @Test
    void aRefOutsideTheSpecsFolderIsRefused() throws Exception {
        read("a: {$ref: '../other.yaml#/x'}\n");
        assertThat(follow("a")).isNull();
        assertThat(messages()).singleElement().asString().contains("points outside the spec's folder");
    }

    @Test
    void aRefIntoAnotherFileBesideTheSpecResolves() throws Exception {
        Files.writeString(dir.resolve("other.yaml"), "x: {v: 2}\n");
        read("a: {$ref: 'other.yaml#/x'}\n");
        assertThat(((MapNode) follow("a")).get("v")).isInstanceOf(ScalarNode.class);
    }

    @Test
    void anUnescapedSlashInAKeyResolvesWithAWarning() throws Exception {
        read("a: {$ref: '#/b/x/y'}\nb: {'x/y': {v: 1}}\n");
        assertThat(follow("a")).isSameAs(((MapNode) root.get("b")).get("x/y"));
        assertThat(diagnostics.all())
                .singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING));
    }

    @Test
    void twoRefsToOneNodeHaveOneKey() throws Exception {
        read("a: {$ref: '#/c'}\nb: {$ref: '#/c'}\nc: {x: 1}\n");
        assertThat(resolver.follow(root.get("a")).orElseThrow().key())
                .isEqualTo(resolver.follow(root.get("b")).orElseThrow().key());
    }
}
