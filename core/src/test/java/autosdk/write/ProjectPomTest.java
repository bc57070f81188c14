package autosdk.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.ProjectCoordinates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --project}: the output folder becomes a Maven module that needs nothing but jackson-core. */
class ProjectPomTest {
    private static final ProjectCoordinates SDK = ProjectCoordinates.parse("com.example:chat-sdk:1.2.3");

    @TempDir
    Path dir;

    @Test
    void pomDeclaresCoordinatesJava17AndOnlyJacksonCore() throws Exception {
        Document pom = parse(pom(SDK).render());

        assertThat(child(pom.getDocumentElement(), "groupId")).isEqualTo("com.example");
        assertThat(child(pom.getDocumentElement(), "artifactId")).isEqualTo("chat-sdk");
        assertThat(child(pom.getDocumentElement(), "version")).isEqualTo("1.2.3");
        assertThat(child(pom.getDocumentElement(), "packaging")).isEqualTo("jar");
        assertThat(text(pom, "maven.compiler.release")).isEqualTo("17");
        NodeList deps = pom.getElementsByTagName("dependency");
        assertThat(deps.getLength()).isEqualTo(1);
        Element jackson = (Element) deps.item(0);
        assertThat(child(jackson, "groupId")).isEqualTo("com.fasterxml.jackson.core");
        assertThat(child(jackson, "artifactId")).isEqualTo("jackson-core");
        assertThat(text(pom, "jackson.version")).isEqualTo(rootPomProperty("jackson.version"));
        // No <sourceDirectory>: the sources are in Maven's standard src/main/java.
        assertThat(pom.getElementsByTagName("sourceDirectory").getLength()).isZero();
    }

    @Test
    void jackson3AndJSpecifyPomsDeclareExactlyThoseAtTheVersionsTestedHere() throws Exception {
        Document pom = parse(pom(SDK).render(new ProjectPom.Libraries(true, true, false)));
        NodeList deps = pom.getElementsByTagName("dependency");
        assertThat(deps.getLength()).isEqualTo(2);
        assertThat(child((Element) deps.item(0), "groupId")).isEqualTo("tools.jackson.core");
        assertThat(child((Element) deps.item(0), "artifactId")).isEqualTo("jackson-core");
        assertThat(text(pom, "jackson.version"))
                .isEqualTo(ProjectPom.JACKSON3_VERSION)
                .isEqualTo(rootPomProperty("jackson3.version"))
                .isEqualTo(
                        tools.jackson.core.json.PackageVersion.VERSION
                                .toString()); // the jar the Jackson 3 tests ran on
        assertThat(child((Element) deps.item(1), "groupId")).isEqualTo("org.jspecify");
        assertThat(child((Element) deps.item(1), "version"))
                .isEqualTo(ProjectPom.JSPECIFY_VERSION)
                .isEqualTo(rootPomProperty("jspecify.version"));

        Document jackson3Only = parse(pom(SDK).render(new ProjectPom.Libraries(true, false, false)));
        assertThat(jackson3Only.getElementsByTagName("dependency").getLength()).isEqualTo(1);
        assertThat(pom(SDK).render(ProjectPom.Libraries.DEFAULT)).isEqualTo(pom(SDK).render());
    }

    @Test
    void buildPluginsArePinnedToTheVersionsOurOwnBuildUses() throws Exception {
        String root = Files.readString(rootPom());
        for (String[] plugin : ProjectPom.PLUGINS) {
            assertThat(root)
                    .as(plugin[0] + " version in the root pom")
                    .contains("<artifactId>" + plugin[0] + "</artifactId><version>" + plugin[1] + "</version>");
        }
    }

    @Test
    void rewritesItsOwnPomOnlyWhenItChanges() throws Exception {
        ProjectPom pom = pom(SDK);
        assertThat(pom.write()).isTrue();
        assertThat(pom.write()).as("same content: not rewritten").isFalse();
        assertThat(pom(ProjectCoordinates.parse("com.example:chat-sdk:1.2.4")).write())
                .isTrue();
        assertThat(dir.resolve("pom.xml")).content().contains("<version>1.2.4</version>");
    }

    @Test
    void neverOverwritesAPomItDidNotWrite() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project>mine</project>");
        assertThatThrownBy(() -> pom(SDK).write())
                .isInstanceOf(ForeignFileException.class)
                .hasMessage(dir.resolve("pom.xml")
                        + " exists and was not written by AutoSDK; --project will not overwrite it "
                        + "(remove it or choose another --output)");
        assertThat(dir.resolve("pom.xml")).hasContent("<project>mine</project>");
    }

    @Test
    void coordinatesAreCheckedWhenParsed() {
        assertThat(ProjectCoordinates.parse(" com.acme:api-sdk:1.0.0-SNAPSHOT ").toString())
                .isEqualTo("com.acme:api-sdk:1.0.0-SNAPSHOT");
        assertThatThrownBy(() -> ProjectCoordinates.parse("com.acme:api-sdk"))
                .hasMessage("--project expects groupId:artifactId:version, found 'com.acme:api-sdk'");
        assertThatThrownBy(() -> ProjectCoordinates.parse("com.acme:api sdk:1"))
                .hasMessage("--project artifact id 'api sdk' may only contain letters, digits and '_', '.', '-'");
        assertThatThrownBy(() -> ProjectCoordinates.parse("com.acme:api:1</version>"))
                .hasMessageStartingWith("--project version '1</version>' may only contain");
    }

    @Test
    void generateWithProjectWritesAModuleWhoseCodeImportsOnlyTheJdkAndJacksonCore() throws Exception {
        Path spec = dir.resolve("spec/pets.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                openapi: 3.0.3
                info: { title: Pets, version: 1.0.0 }
                paths:
                  /pets/{id}:
                    get:
                      operationId: getPet
                      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                      responses:
                        '200':
                          description: A pet.
                          content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } }
                components:
                  schemas:
                    Pet:
                      type: object
                      properties: { name: { type: string }, kind: { type: string, enum: [cat, dog] } }
                """);
        Path module = dir.resolve("sdk");

        GenerationResult result = Generator.generate(GenerationRequest.of(spec, "com.example.pets", module), SDK);

        assertThat(module.resolve("pom.xml")).isRegularFile();
        assertThat(module.resolve("src/main/java/com/example/pets/Pet.java")).isRegularFile();
        assertThat(module.resolve("com")).doesNotExist();
        assertThat(result.notes())
                .contains("Maven module com.example:chat-sdk:1.2.3: " + module.resolve("pom.xml")
                        + " (build it with mvn install)");
        assertThat(result.filesChanged()).isEqualTo(result.files().size() + 1);

        Set<String> foreign = new TreeSet<>();
        Pattern imports = Pattern.compile("(?m)^import (?:static )?([a-z][\\w]*\\.[a-z][\\w]*)");
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = imports.matcher(Files.readString(f));
                while (m.find()) {
                    String prefix = m.group(1);
                    if (!prefix.startsWith("java.")
                            && !prefix.equals("com.example")
                            && !prefix.equals("com.fasterxml")) {
                        foreign.add(prefix);
                    }
                }
                Matcher jackson = Pattern.compile("(?m)^import (?:static )?(com\\.fasterxml\\.jackson\\.\\w+)")
                        .matcher(Files.readString(f));
                while (jackson.find())
                    if (!jackson.group(1).equals("com.fasterxml.jackson.core")) {
                        foreign.add(jackson.group(1));
                    }
            }
        }
        assertThat(foreign).as("packages the pom would have to declare").isEmpty();

        GenerationResult again = Generator.generate(GenerationRequest.of(spec, "com.example.pets", module), SDK);
        assertThat(again.filesChanged())
                .as("an unchanged run rewrites nothing, the pom included")
                .isZero();
    }

    private static Path rootPom() {
        String root = System.getProperty("autosdk.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        return base.resolve("pom.xml");
    }

    private static String rootPomProperty(String name) throws Exception {
        return text(parse(Files.readString(rootPom())), name);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    private static String child(Element parent, String tag) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private ProjectPom pom(ProjectCoordinates c) {
        return new ProjectPom(dir, c.groupId(), c.artifactId(), c.version());
    }
}
