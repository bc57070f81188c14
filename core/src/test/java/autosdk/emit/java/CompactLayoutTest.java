package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule per test: compact layout changes line breaks and blank lines only, and only where the result fits. */
class CompactLayoutTest {

    @Test
    void aJavadocOfOneLineBecomesOneLine() {
        assertThat(CompactLayout.apply("    /**\n     * The room's name.\n     */\n    int x;\n"))
                .isEqualTo("    /** The room's name. */\n    int x;\n");
    }

    @Test
    void aJavadocOfSeveralLinesStays() {
        String doc = "    /**\n     * First.\n     *\n     * <p>Second.\n     */\n    int x;\n";
        assertThat(CompactLayout.apply(doc)).isEqualTo(doc);
    }

    @Test
    void aMethodWithUpToThreeSimpleStatementsJoinsItsDeclaration() {
        String source = "class A {\n"
                + "    public String name() {\n        return this.name;\n    }\n\n"
                + "    public Builder name(String name) {\n        this.name = name;\n        present.set(0);\n"
                + "        return this;\n    }\n"
                + "}\n";
        assertThat(CompactLayout.apply(source))
                .isEqualTo("class A {\n"
                        + "    public String name() { return this.name; }\n"
                        + "    public Builder name(String name) { this.name = name; present.set(0); return this; }\n"
                        + "}\n");
    }

    @Test
    void controlFlowBlocksAndLongOrNestedBodiesStay() {
        String control = "    void f() {\n        if (x) {\n            y();\n        }\n    }\n";
        assertThat(CompactLayout.apply(control)).isEqualTo(control);
        String four = "    void f() {\n        a();\n        b();\n        c();\n        d();\n    }\n";
        assertThat(CompactLayout.apply(four)).isEqualTo(four);
        String commented = "    void f() {\n        a(); // why\n    }\n";
        assertThat(CompactLayout.apply(commented)).isEqualTo(commented);
        String lambda = "    Runnable r = () -> {\n        a();\n    };\n";
        assertThat(CompactLayout.apply(lambda)).isEqualTo(lambda);
        String longBody = "    public String name() {\n        return \"" + "x".repeat(100) + "\";\n    }\n";
        assertThat(CompactLayout.apply(longBody)).isEqualTo(longBody);
    }

    @Test
    void anEmptyBodyClosesOnItsLine() {
        assertThat(CompactLayout.apply("    private Codec() {\n    }\n")).isEqualTo("    private Codec() {}\n");
    }

    @Test
    void fieldsAndEnumConstantsStandWithoutBlankLines() {
        assertThat(CompactLayout.apply("    private final String a;\n\n    private final BitSet b = new BitSet();\n"))
                .isEqualTo("    private final String a;\n    private final BitSet b = new BitSet();\n");
        assertThat(CompactLayout.apply("    enum Known {\n        AUTO,\n\n        LOW\n    }\n"))
                .isEqualTo("    enum Known {\n        AUTO,\n        LOW\n    }\n");
    }

    @Test
    void oneLineMembersFormOneGroupAndLongerOnesKeepTheirBlankLines() {
        String source = "    public String a() {\n        return a;\n    }\n\n"
                + "    /**\n     * Presence.\n     */\n    public boolean hasA() {\n        return p;\n    }\n\n"
                + "    public void f() {\n        if (x) {\n            y();\n        }\n    }\n";
        assertThat(CompactLayout.apply(source))
                .isEqualTo("    public String a() { return a; }\n"
                        + "    /** Presence. */\n    public boolean hasA() { return p; }\n\n"
                        + "    public void f() {\n        if (x) {\n            y();\n        }\n    }\n");
    }
}
