package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line checks of {@link CompactLayout} ({@link FieldLine}, {@link CompactLayout#isEnumConstant})
 * accept exactly what the regular expressions they replace accept: on every line of the golden files, on typical
 * field and enum lines, and on 200,000 seeded random lines made of the characters the patterns care about.
 */
class FieldLineTest {
    private static final Pattern FIELD =
            Pattern.compile("(?:@[\\w$.]+\\s+)*(?:public|protected|private)\\s+[^(){}=;]*?[\\w$]+"
                    + "(?:\\s+=\\s+[^{};]*(?:\\{\\})?[^{};]*)?;");
    private static final Pattern ENUM_CONSTANT = Pattern.compile(" +[A-Z_$][A-Z0-9_$]*,?");
    private static final String[] PIECES = {
        " ",
        "  ",
        "\t",
        "@",
        "Nullable",
        "a.b",
        "public",
        "protected",
        "private",
        "static",
        "final",
        "String",
        "x",
        "_",
        "$",
        "1",
        "=",
        "(",
        ")",
        "{",
        "}",
        "{}",
        ";",
        "<",
        ">",
        ",",
        ".",
        "\"",
        "A",
        "B_2",
        "new",
        "[]",
        "-"
    };

    @Test
    void fieldLinesAsThePatternSays() throws IOException {
        List<String> lines = new ArrayList<>(goldenLines());
        lines.addAll(List.of(
                "    private final String name;",
                "    public static final int LIMIT = 10;",
                "    @Deprecated @a.B private List<String> tags = new ArrayList<>();",
                "    private final Map<String, Object> map = Map.of();",
                "    private int[] values = new int[] {};",
                "    private int[] values = new int[] {1};",
                "    private Runnable r = () -> {};",
                "    private String s =x;",
                "    private String s= x;",
                "    private ;",
                "    private x ;",
                "    private\tx\t=\ty;",
                "    public void f();",
                "    @Override public String toString();",
                "    @SuppressWarnings(\"x\") private int y;"));
        Random random = new Random(16);
        for (int n = 0; n < 200_000; n++) lines.add(randomLine(random));
        for (String line : lines) {
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            boolean expected = FIELD.matcher(line).region(indent, line.length()).matches();
            assertThat(FieldLine.matches(line, indent)).as("field? [%s]", line).isEqualTo(expected);
            assertThat(CompactLayout.isEnumConstant(line))
                    .as("enum constant? [%s]", line)
                    .isEqualTo(ENUM_CONSTANT.matcher(line).matches());
        }
    }

    private static String randomLine(Random random) {
        StringBuilder line = new StringBuilder("    ");
        if (random.nextBoolean()) line.append(PIECES[4 + random.nextInt(3)]).append(' ');
        int pieces = random.nextInt(9);
        for (int i = 0; i < pieces; i++) line.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextInt(3) > 0) line.append(';');
        if (random.nextInt(4) == 0) return line.toString().toUpperCase(java.util.Locale.ROOT);
        return line.toString();
    }

    private static List<String> goldenLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        return lines;
    }
}
