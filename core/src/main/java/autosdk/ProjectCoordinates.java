package autosdk;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Maven coordinates of a generated SDK module ({@code --project groupId:artifactId:version});
 * when given, the output folder becomes a buildable Maven module. Parsed here once, so the CLI
 * and the Maven plugin accept exactly the same text.
 */
public record ProjectCoordinates(String groupId, String artifactId, String version) {
    // Maven's own rules for ids; a version is any text without whitespace or XML/path syntax.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.+-]+");

    public ProjectCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        check(ID, groupId, "group id");
        check(ID, artifactId, "artifact id");
        check(VERSION, version, "version");
    }

    /** Parses {@code groupId:artifactId:version}; the message of the exception names what is wrong. */
    public static ProjectCoordinates parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--project expects groupId:artifactId:version, found '" + text + "'");
        }
        return new ProjectCoordinates(parts[0], parts[1], parts[2]);
    }

    private static void check(Pattern pattern, String value, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "--project " + what + " '" + value + "' may only contain letters, digits and "
                            + (pattern == ID ? "'_', '.', '-'" : "'_', '.', '+', '-'"));
        }
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
