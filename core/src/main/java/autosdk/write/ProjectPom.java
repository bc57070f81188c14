package autosdk.write;

import com.fasterxml.jackson.core.json.PackageVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /**
     * The OkHttp of SDKs generated with {@code --transport okhttp}: the version the runtime's OkHttpTransport is
     * compiled and tested against (the root pom's {@code okhttp.version}; ProjectPomTest keeps them in step).
     * OkHttp 5 is multiplatform: for Maven its JVM classes are in {@code okhttp-jvm} (the plain {@code okhttp} jar is
     * empty).
     */
    public static final String OKHTTP_VERSION = "5.5.1";

    /**
     * What the generated code depends on besides the JDK: Jackson 3 instead of 2 ({@code --jackson 3}), the JSpecify
     * annotations ({@code --nullability jspecify}), OkHttp ({@code --transport okhttp}). Plain flags, so that this
     * package needs nothing from the generator's own.
     */
    public record Libraries(boolean jackson3, boolean jspecify, boolean okhttp) {
        public static final Libraries DEFAULT = new Libraries(false, false, false);
    }

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

    /**
     * Jackson 3 core of SDKs generated with {@code --jackson 3}: the version their runtime was compiled and tested
     * against.
     */
    public static final String JACKSON3_VERSION = "3.3.0";
    /** JSpecify of SDKs generated with {@code --nullability jspecify}. */
    public static final String JSPECIFY_VERSION = "1.0.1";

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
        if (Files.isRegularFile(file)
                && !Files.readString(file, StandardCharsets.UTF_8).contains(MARKER)) {
            throw new ForeignFileException(
                    file + " exists and was not written by AutoSDK; --project will not overwrite it "
                            + "(remove it or choose another --output)");
        }
    }

    /** Writes the pom unless it already has this content; true when the file changed. */
    public boolean write() throws IOException, ForeignFileException {
        return write(Libraries.DEFAULT);
    }

    /** Writes the pom declaring the libraries chosen for the run; true when the file changed. */
    public boolean write(Libraries libraries) throws IOException, ForeignFileException {
        checkWritable();
        Path file = file();
        String text = render(libraries);
        if (Files.isRegularFile(file)
                && Files.readString(file, StandardCharsets.UTF_8).equals(text)) return false;
        Files.createDirectories(moduleRoot);
        Path temp = file.resolveSibling("pom.xml.autosdk-tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The pom's text; deterministic, so an unchanged module is not rewritten. */
    public String render() {
        return render(Libraries.DEFAULT);
    }

    /** The pom's text for SDKs written against {@code libraries}, sending through {@code transport}. */
    public String render(Libraries libraries) {
        boolean jackson3 = libraries.jackson3();
        String jacksonGroup = jackson3 ? "tools.jackson.core" : "com.fasterxml.jackson.core";
        String jacksonVersion = jackson3 ? JACKSON3_VERSION : jacksonVersion();
        String jspecify = !libraries.jspecify() ? "" : """
                    <dependency>
                      <groupId>org.jspecify</groupId>
                      <artifactId>jspecify</artifactId>
                      <version>%s</version>
                    </dependency>
                """.formatted(JSPECIFY_VERSION);
        boolean okhttp = libraries.okhttp();
        String okhttpDependency = !okhttp ? "" : """
                    <dependency>
                      <groupId>com.squareup.okhttp3</groupId>
                      <artifactId>okhttp-jvm</artifactId>
                      <version>${okhttp.version}</version>
                    </dependency>
                """;
        String okhttpVersion = !okhttp ? "" : "    <okhttp.version>" + OKHTTP_VERSION + "</okhttp.version>\n";
        String needs = !okhttp
                ? "the JDK and jackson-core (and the annotations chosen), nothing else"
                : "jackson-core and OkHttp (generated with transport okhttp; and the annotations chosen), "
                        + "nothing else; no java.net.http";
        StringBuilder plugins = new StringBuilder();
        for (String[] p : PLUGINS) {
            plugins.append("        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>")
                    .append(p[0])
                    .append("</artifactId><version>")
                    .append(p[1])
                    .append("</version></plugin>\n");
        }
        // Coordinates are validated to [A-Za-z0-9_.+-]; escaping anyway keeps the XML sound if that ever widens.
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- %s: the project option of autosdk generate. Every run rewrites this file;
                     a pom.xml without this line is never overwritten. Sources are in src/main/java. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 \
                https://maven.apache.org/xsd/maven-4.0.0.xsd">
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
                %s  </properties>

                  <!-- The generated code needs %s. -->
                  <dependencies>
                    <dependency>
                      <groupId>%s</groupId>
                      <artifactId>jackson-core</artifactId>
                      <version>${jackson.version}</version>
                    </dependency>
                %s  </dependencies>

                  <build>
                    <pluginManagement>
                      <plugins>
                %s      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(
                        MARKER,
                        xml(groupId),
                        xml(artifactId),
                        xml(version),
                        xml(artifactId),
                        xml(jacksonVersion),
                        okhttpVersion,
                        needs,
                        jacksonGroup,
                        jspecify + okhttpDependency,
                        plugins);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
