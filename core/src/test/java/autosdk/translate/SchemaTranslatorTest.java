package autosdk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.model.EnumType;
import autosdk.model.ObjectType;
import autosdk.model.TypeRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule of schema translation per test. */
class SchemaTranslatorTest {
    @TempDir
    Path dir;

    private TypeRef translate(String schema) throws Exception {
        SchemaRules rules = new SchemaRules(dir, "s: " + schema + "\n");
        return rules.translator.translate(rules.at("s"), List.of("Thing"));
    }

    private SchemaRules rules(String schema) throws Exception {
        SchemaRules rules = new SchemaRules(dir, "s: " + schema + "\n");
        rules.translator.translate(rules.at("s"), List.of("Thing"));
        return rules;
    }

    @Test
    void anInt32IntegerIsInt32() throws Exception {
        assertThat(translate("{type: integer, format: int32}")).isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.INT32));
    }

    @Test
    void anIntegerWithoutFormatIsInt64() throws Exception {
        assertThat(translate("{type: integer}")).isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.INT64));
    }

    @Test
    void aByteStringIsBase64() throws Exception {
        assertThat(translate("{type: string, format: byte}")).isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.BASE64));
    }

    @Test
    void aBase64ContentEncodingIsBase64() throws Exception {
        assertThat(translate("{type: string, contentEncoding: base64}"))
                .isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.BASE64));
    }

    @Test
    void aConstWithoutTypeTakesTheConstsType() throws Exception {
        assertThat(translate("{const: 3}")).isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.DOUBLE));
    }

    @Test
    void anArrayIsAListOfItsItems() throws Exception {
        assertThat(translate("{type: array, items: {type: boolean}}"))
                .isEqualTo(new TypeRef.ListOf(TypeRef.scalar(TypeRef.ScalarKind.BOOLEAN)));
    }

    @Test
    void additionalPropertiesAloneIsAMap() throws Exception {
        assertThat(translate("{type: object, additionalProperties: {type: string}}"))
                .isEqualTo(new TypeRef.MapOf(TypeRef.scalar(TypeRef.ScalarKind.STRING)));
    }

    @Test
    void aSchemaWithoutTypeIsAnyJson() throws Exception {
        assertThat(translate("{description: anything}")).isEqualTo(new TypeRef.Any());
    }

    @Test
    void anObjectWithPropertiesIsANamedType() throws Exception {
        assertThat(translate("{type: object, properties: {a: {type: string}}}")).isInstanceOf(TypeRef.Named.class);
    }

    @Test
    void anInlineObjectIsNamedFromItsHint() throws Exception {
        assertThat(rules("{type: object, properties: {a: {type: string}}}")
                        .translator
                        .types()
                        .values()
                        .iterator()
                        .next()
                        .nameHint())
                .containsExactly("Thing");
    }

    @Test
    void requiredPropertiesAreMarkedRequired() throws Exception {
        ObjectType o =
                (ObjectType) rules("{type: object, required: [a], properties: {a: {type: string}, b: {type: string}}}")
                        .translator
                        .types()
                        .values()
                        .iterator()
                        .next();
        assertThat(o.properties().stream()
                        .map(p -> p.jsonName() + "=" + p.required())
                        .toList())
                .containsExactly("a=true", "b=false");
    }

    @Test
    void allOfMembersContributeTheirProperties() throws Exception {
        ObjectType o = (ObjectType)
                rules("{allOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: "
                                + "{b: {type: integer}}}]}")
                        .translator
                        .types()
                        .values()
                        .iterator()
                        .next();
        assertThat(o.properties().stream().map(p -> p.jsonName()).toList()).containsExactly("a", "b");
    }

    @Test
    void aStringEnumIsAnEnumType() throws Exception {
        assertThat(rules("{type: string, enum: [a, b]}")
                        .translator
                        .types()
                        .values()
                        .iterator()
                        .next())
                .isInstanceOf(EnumType.class);
    }

    @Test
    void aOneValueEnumPropertyIsFixed() throws Exception {
        ObjectType o = (ObjectType) rules("{type: object, properties: {type: {type: string, enum: [tick]}}}")
                .translator
                .types()
                .values()
                .iterator()
                .next();
        assertThat(o.properties().get(0).constValue()).isEqualTo("tick");
    }

    @Test
    void aNullableTypeListKeepsTheOtherType() throws Exception {
        assertThat(translate("{type: [string, 'null']}")).isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.STRING));
    }
}
