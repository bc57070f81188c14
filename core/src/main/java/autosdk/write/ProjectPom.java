package autosdk.write;

import com.fasterxml.jackson.core.json.PackageVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes an output folder a buildable Maven module ({@code --project}): {@code <output>/pom.xml}
 * with the generated sources in the standard {@code <output>/src/main/java}, so {@code mvn install}
 * there produces a jar. The pom declares exactly what generated code needs at run time:
 * {@code jackson-core}, pinned to the version this generator was built and tested with, and Java 17.
 *
 * <p>The pom is ours to rewrite on every run (two runs, REST then realtime, share one module);
 * a {@code pom.xml} that AutoSDK did not write is never overwritten.
 */
public final class ProjectPom {
    /** First line of the comment that marks a pom as ours; a pom without it belongs to the user. */
    static final String MARKER = OutputWriter.MARKER;

    /**
     * Build plugins pinned in the pom, so the module builds the same way everywhere and offline once
     * they are cached. Same versions as AutoSDK's own build (ProjectPomTest keeps them in step).
     */
    static final String[][] PLUGINS = {
        {"maven-clean-plugin", "3.4.0"},
        {"maven-resources-plugin", "3.3.1"},
        {"maven-compiler-plugin", "3.13.0"},
        {"maven-surefire-plugin", "3.5.2"},
        {"maven-jar-plugin", "3.4.2"},
        {"maven-install-plugin", "3.1.2"},
        {"maven-deploy-plugin", "3.1.2"},
        {"maven-site-plugin", "3.12.1"},
    };

    private final Path moduleRoot;
    private final String groupId;
    private final String artifactId;
    private final String version;

    /** {@code moduleRoot} is the {@code --output} folder; the pom goes there. Coordinates come validated. */
    public ProjectPom(Path moduleRoot, String groupId, String artifactId, String version) {
        this.moduleRoot = moduleRoot;
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.version = version;
    }

    /** Where generated sources go inside a module: Maven's standard layout. */
    public static Path sourceRoot(Path moduleRoot) {
        return moduleRoot.resolve("src").resolve("main").resolve("java");
    }

    public Path file() {
        return moduleRoot.resolve("pom.xml");
    }

    /** The jackson-core version of the generator itself: what the generated codecs were written against. */
    public static String jacksonVersion() {
        return PackageVersion.VERSION.toString();
    }

    /**
     * Refuses a {@code pom.xml} that AutoSDK did not write; call before writing anything so a
     * refused run leaves the folder untouched.
     */
    public void checkWritable() throws IOException, ForeignFileException {
        Path file = file();
        if (Files.isRegularFile(file) && !Files.readString(file, StandardCharsets.UTF_8).contains(MARKER)) {
            throw new ForeignFileException(file + " exists and was not written by AutoSDK; --project will not overwrite it "
                    + "(remove it or choose another --output)");
        }
    }

    /** Writes the pom unless it already has this content; true when the file changed. */
    public boolean write() throws IOException, ForeignFileException {
        checkWritable();
        Path file = file();
        String text = render();
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) return false;
        Files.createDirectories(moduleRoot);
        Path temp = file.resolveSibling("pom.xml.autosdk-tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The pom's text; deterministic, so an unchanged module is not rewritten. */
    public String render() {
        StringBuilder plugins = new StringBuilder();
        for (String[] p : PLUGINS) {
            plugins.append("        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>").append(p[0])
                    .append("</artifactId><version>").append(p[1]).append("</version></plugin>\n");
        }
        // Coordinates are validated to [A-Za-z0-9_.+-]; escaping anyway keeps the XML sound if that ever widens.
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- %s: the project option of autosdk generate. Every run rewrites this file;
                     a pom.xml without this line is never overwritten. Sources are in src/main/java. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>jar</packaging>
                  <name>%s</name>
                  <description>Java SDK generated by AutoSDK.</description>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <jackson.version>%s</jackson.version>
                  </properties>

                  <!-- The generated code needs the JDK and jackson-core, nothing else. -->
                  <dependencies>
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-core</artifactId>
                      <version>${jackson.version}</version>
                    </dependency>
                  </dependencies>

                  <build>
                    <pluginManagement>
                      <plugins>
                %s      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(MARKER, xml(groupId), xml(artifactId), xml(version),
                xml(artifactId), xml(jacksonVersion()), plugins);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
