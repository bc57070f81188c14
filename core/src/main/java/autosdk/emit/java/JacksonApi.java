package autosdk.emit.java;

import autosdk.Libraries;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

/**
 * The jackson-core names generated codecs use, per Jackson major version: the one place the emitters learn which
 * package the streaming classes live in and how the few methods and tokens that Jackson 3 renamed are spelled
 * (checked against the 3.3.0 jar: {@code JsonGenerator.writeName}, {@code JsonParser.getString},
 * {@code JsonToken.PROPERTY_NAME}, and factories that take an {@code ObjectReadContext}/{@code ObjectWriteContext}).
 * Everything else generated code calls ({@code nextToken}, {@code currentToken}, {@code currentName},
 * {@code currentTokenLocation}, {@code writeStartObject}, {@code writeNull}) is spelled the same in both.
 *
 * @param writeName the generator method that writes an object member's name
 * @param getText the parser method that returns the current token's text
 * @param nameToken the {@code JsonToken} constant of an object member's name
 * @param contexts whether the factory's {@code createParser}/{@code createGenerator} take a read/write context first
 *                 (Jackson 3 deprecates the forms without)
 */
public record JacksonApi(
        String pkg,
        ClassName parser,
        ClassName generator,
        ClassName token,
        String writeName,
        String getText,
        String nameToken,
        boolean contexts) {
    static final JacksonApi V2 = of("com.fasterxml.jackson.core", "writeFieldName", "getText", "FIELD_NAME", false);
    static final JacksonApi V3 = of("tools.jackson.core", "writeName", "getString", "PROPERTY_NAME", true);

    private static JacksonApi of(String pkg, String writeName, String getText, String nameToken, boolean contexts) {
        return new JacksonApi(
                pkg,
                ClassName.get(pkg, "JsonParser"),
                ClassName.get(pkg, "JsonGenerator"),
                ClassName.get(pkg, "JsonToken"),
                writeName,
                getText,
                nameToken,
                contexts);
    }

    /**
     * An expression creating a parser over {@code source} with the runtime's shared factory ({@code json} is its Json
     * class).
     */
    CodeBlock newParser(ClassName json, String source) {
        return contexts
                ? CodeBlock.of(
                        "$T.FACTORY.createParser($T.empty(), $L)",
                        json,
                        ClassName.get(pkg, "ObjectReadContext"),
                        source)
                : CodeBlock.of("$T.FACTORY.createParser($L)", json, source);
    }

    /** An expression creating a generator writing to {@code target} with the runtime's shared factory. */
    CodeBlock newGenerator(ClassName json, String target) {
        return contexts
                ? CodeBlock.of(
                        "$T.FACTORY.createGenerator($T.empty(), $L)",
                        json,
                        ClassName.get(pkg, "ObjectWriteContext"),
                        target)
                : CodeBlock.of("$T.FACTORY.createGenerator($L)", json, target);
    }

    public static JacksonApi of(Libraries.Jackson version) {
        return version == Libraries.Jackson.V3 ? V3 : V2;
    }
}
