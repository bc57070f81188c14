package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One rule per test: how {@link Jackson3Port} turns a Jackson 2 runtime helper into its Jackson 3 form. */
class Jackson3PortTest {
    private static final String HEAD = "package autosdk.runtime;\n\nimport com.fasterxml.jackson.core.JsonParser;\n"
            + "import java.io.IOException;\n\nfinal class T {\n";

    private static String port(String body) {
        return Jackson3Port.port(HEAD + body + "}\n");
    }

    @Test
    void aHelperWithoutJacksonIsCopiedAsItIs() {
        String source = "package autosdk.runtime;\n\nimport java.util.List;\n\nfinal class T {}\n";
        assertThat(Jackson3Port.port(source)).isSameAs(source);
    }

    @Test
    void importsMoveToJackson3sPackage() {
        assertThat(port("    JsonParser p;\n")).contains("import tools.jackson.core.JsonParser;");
    }

    @Test
    void importsOfRenamedAndMovedClassesFollowThem() {
        String out = Jackson3Port.port("import com.fasterxml.jackson.core.JsonFactory;\n"
                + "import com.fasterxml.jackson.core.JsonLocation;\n\nclass T { JsonFactory f; JsonLocation l; }\n");
        assertThat(out)
                .contains(
                        "import tools.jackson.core.json.JsonFactory;", "import tools.jackson.core.TokenStreamLocation;")
                .contains("TokenStreamLocation l;");
    }

    @Test
    void jsonProcessingExceptionIsJacksonException() {
        assertThat(port("    void f() throws JsonProcessingException { JsonParser p; }\n"))
                .contains("throws JacksonException")
                .contains("import tools.jackson.core.JacksonException;");
    }

    @Test
    void importsAreSortedWithJackson3AfterTheJdk() {
        assertThat(port("    JsonParser p;\n    IOException e;\n"))
                .contains("import java.io.IOException;\nimport tools.jackson.core.JsonParser;\n");
    }

    @Test
    void importsNoLongerUsedAreDropped() {
        assertThat(port("    Object p;\n")).doesNotContain("import tools.jackson.core.JsonParser;");
    }

    @Test
    void renamedMembersAreSpelledAsForGeneratedCodecs() {
        assertThat(port("    void f(JsonParser p, G g) { g.writeFieldName(p.getText()); if (t == FIELD_NAME) {} }\n"))
                .contains("g.writeName(p.getString())", "t == PROPERTY_NAME");
    }

    @Test
    void writeStringFieldIsWriteStringProperty() {
        assertThat(port("    void f(JsonParser p, G g) { g.writeStringField(\"a\", \"b\"); }\n"))
                .contains("g.writeStringProperty(\"a\", \"b\")");
    }

    @Test
    void factoriesGetAnEmptyContextFirst() {
        assertThat(port("    JsonParser p = F.createParser(s);\n    Object g = F.createGenerator(out);\n"))
                .contains("F.createParser(ObjectReadContext.empty(), s)")
                .contains("F.createGenerator(ObjectWriteContext.empty(), out)")
                .contains(
                        "import tools.jackson.core.ObjectReadContext;",
                        "import tools.jackson.core.ObjectWriteContext;");
    }

    @Test
    void theFactoryKeepsJackson2sDefaults() {
        assertThat(port("    Object f = JsonFactory.builder().build(); JsonParser p;\n"))
                .contains("JsonFactory.builderWithJackson2Defaults().build()");
    }

    @Test
    void aParserBlockWithoutCatchThrowsTheCheckedDecodeError() {
        assertThat(port("    Object f(String s) throws IOException {\n"
                        + "        try (JsonParser p = Json.FACTORY.createParser(s)) {\n"
                        + "            return p;\n"
                        + "        }\n"
                        + "    }\n"))
                .contains("            return p;\n"
                        + "        } catch (JacksonException e) {\n"
                        + "            throw Json.malformed(e);\n"
                        + "        }\n");
    }

    @Test
    void aParserBlocksIoExceptionCatchIsRepeatedForJacksonException() {
        assertThat(port("    Object f(String s) {\n"
                        + "        try (JsonParser p = Json.FACTORY.createParser(s)) {\n"
                        + "            return p;\n"
                        + "        } catch (IOException e) {\n"
                        + "            throw new UncheckedIOException(\"bad\", e);\n"
                        + "        }\n"
                        + "    }\n"))
                .contains("        } catch (JacksonException e) {\n"
                        + "            throw new UncheckedIOException(\"bad\", Json.malformed(e));\n"
                        + "        } catch (IOException e) {\n"
                        + "            throw new UncheckedIOException(\"bad\", e);\n");
    }

    @Test
    void aParserBlockCatchingJacksonExceptionAlreadyIsLeftAlone() {
        assertThat(port("    boolean f(String s) throws IOException {\n"
                        + "        try (JsonParser p = Json.FACTORY.createParser(s)) {\n"
                        + "            return true;\n"
                        + "        } catch (JacksonException e) {\n"
                        + "            return false;\n"
                        + "        }\n"
                        + "    }\n"))
                .containsOnlyOnce("catch (");
    }

    @Test
    void insideJsonTheDecodeErrorIsUnqualified() {
        assertThat(Jackson3Port.port("import com.fasterxml.jackson.core.JsonParser;\n\npublic final class Json {\n"
                        + "    Object f(String s) throws IOException {\n"
                        + "        try (JsonParser p = FACTORY.createParser(s)) {\n"
                        + "            return p;\n"
                        + "        }\n"
                        + "    }\n}\n"))
                .contains("throw malformed(e);");
    }

    @Test
    void aMarkedLineIsReplacedAndThenRenamed() {
        assertThat(port("    JsonParser p = a(); // jackson3: JsonParser p = F.createParser(b);\n"))
                .contains("    JsonParser p = F.createParser(ObjectReadContext.empty(), b);\n")
                .doesNotContain("a()");
    }

    @Test
    void aLineMarkedOmitIsLeftOut() {
        assertThat(port("    JsonParser p;\n    int x; // jackson3: omit\n")).doesNotContain("int x");
    }

    @Test
    void aMarkedRegionIsLeftOutWithItsMarkersAndNoDoubleBlankLine() {
        String out = port("    JsonParser p;\n\n    // jackson3: omit from here (why)\n    int x;\n"
                + "    // jackson3: omit to here\n\n    int y;\n");
        assertThat(out).doesNotContain("int x", "jackson3").contains("    JsonParser p;\n\n    int y;\n");
    }

    @Test
    void aRegionAtTheEndLeavesNoBlankLineBeforeTheBrace() {
        assertThat(port("    JsonParser p;\n\n    // jackson3: omit from here (why)\n    int x;\n"
                        + "    // jackson3: omit to here\n"))
                .endsWith("    JsonParser p;\n}\n");
    }

    @Test
    void anUnclosedRegionFailsTheGenerator() {
        assertThatThrownBy(() -> port("    // jackson3: omit from here (why)\n    JsonParser p;\n"))
                .hasMessageContaining("not closed");
    }

    @Test
    void anUnknownMarkerFailsTheGenerator() {
        assertThatThrownBy(() -> port("    // jackson3: something\n    JsonParser p;\n"))
                .hasMessageContaining("unknown Jackson 3 marker");
    }

    @Test
    void aJackson2NameWithoutARuleFailsTheGenerator() {
        assertThatThrownBy(() -> port("    JsonParser p; // see com.fasterxml.jackson.databind\n"))
                .hasMessageContaining("no rule");
    }

    @Test
    void theJackson2CopyKeepsTheCodeAndDropsTheMarkers() {
        String source = "class T {\n    int a = 1; // jackson3: int a = 3;\n    // jackson3: omit from here (why)\n"
                + "    int b;\n    // jackson3: omit to here\n}\n";
        assertThat(Jackson3Port.stripMarkers(source)).isEqualTo("class T {\n    int a = 1;\n    int b;\n}\n");
    }
}
