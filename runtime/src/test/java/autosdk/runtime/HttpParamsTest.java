package autosdk.runtime;

import static autosdk.runtime.HttpParams.Style.DEEP_OBJECT;
import static autosdk.runtime.HttpParams.Style.FORM;
import static autosdk.runtime.HttpParams.Style.LABEL;
import static autosdk.runtime.HttpParams.Style.MATRIX;
import static autosdk.runtime.HttpParams.Style.PIPE_DELIMITED;
import static autosdk.runtime.HttpParams.Style.SIMPLE;
import static autosdk.runtime.HttpParams.Style.SPACE_DELIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAPI 3.1.1 "Style Examples" table, row by row, plus injection attempts. */
class HttpParamsTest {

    static final String STRING = "blue";
    static final List<String> ARRAY = List.of("blue", "black", "brown");
    static final Map<String, Object> OBJECT = object();
    static final List<String> UNDEFINED = List.of();

    static Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("R", 100);
        m.put("G", 200);
        m.put("B", 150);
        return m;
    }

    static Object value(String kind) {
        switch (kind) {
            case "undefined":
                return UNDEFINED;
            case "string":
                return STRING;
            case "array":
                return ARRAY;
            default:
                return OBJECT;
        }
    }

    static String query(String name, Object value, HttpParams.Style style, boolean explode) {
        return String.join("&", HttpParams.query(name, value, style, explode));
    }

    @ParameterizedTest(name = "path {0} explode={1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MATRIX | false | undefined | ;color",
                "MATRIX | false | string    | ;color=blue",
                "MATRIX | false | array     | ;color=blue,black,brown",
                "MATRIX | false | object    | ;color=R,100,G,200,B,150",
                "MATRIX | true  | undefined | ;color",
                "MATRIX | true  | string    | ;color=blue",
                "MATRIX | true  | array     | ;color=blue;color=black;color=brown",
                "MATRIX | true  | object    | ;R=100;G=200;B=150",
                "LABEL  | false | undefined | .",
                "LABEL  | false | string    | .blue",
                "LABEL  | false | array     | .blue,black,brown",
                "LABEL  | false | object    | .R,100,G,200,B,150",
                "LABEL  | true  | undefined | .",
                "LABEL  | true  | string    | .blue",
                "LABEL  | true  | array     | .blue.black.brown",
                "LABEL  | true  | object    | .R=100.G=200.B=150",
                "SIMPLE | false | string    | blue",
                "SIMPLE | false | array     | blue,black,brown",
                "SIMPLE | false | object    | R,100,G,200,B,150",
                "SIMPLE | true  | string    | blue",
                "SIMPLE | true  | array     | blue,black,brown",
                "SIMPLE | true  | object    | R=100,G=200,B=150",
            })
    void pathStylesFollowTheTable(HttpParams.Style style, boolean explode, String kind, String expected) {
        assertThat(HttpParams.path("color", value(kind), style, explode)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "query {0} explode={1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FORM            | false | undefined | color=",
                "FORM            | false | string    | color=blue",
                "FORM            | false | array     | color=blue,black,brown",
                "FORM            | false | object    | color=R,100,G,200,B,150",
                "FORM            | true  | undefined | color=",
                "FORM            | true  | string    | color=blue",
                "FORM            | true  | array     | color=blue&color=black&color=brown",
                "FORM            | true  | object    | R=100&G=200&B=150",
                "SPACE_DELIMITED | false | array     | color=blue%20black%20brown",
                "SPACE_DELIMITED | false | object    | color=R%20100%20G%20200%20B%20150",
                "PIPE_DELIMITED  | false | array     | color=blue%7Cblack%7Cbrown",
                "PIPE_DELIMITED  | false | object    | color=R%7C100%7CG%7C200%7CB%7C150",
                "DEEP_OBJECT     | true  | object    | color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150",
            })
    void queryStylesFollowTheTable(HttpParams.Style style, boolean explode, String kind, String expected) {
        assertThat(query("color", value(kind), style, explode)).isEqualTo(expected);
    }

    @Test
    void headerIsSimpleStyleWithoutPercentEncoding() {
        assertThat(HttpParams.header(STRING, false)).isEqualTo("blue");
        assertThat(HttpParams.header(ARRAY, false)).isEqualTo("blue,black,brown");
        assertThat(HttpParams.header(OBJECT, false)).isEqualTo("R,100,G,200,B,150");
        assertThat(HttpParams.header(OBJECT, true)).isEqualTo("R=100,G=200,B=150");
        assertThat(HttpParams.header("a b/c", false)).isEqualTo("a b/c");
        assertThat(HttpParams.header(null, false)).isNull();
        assertThat(HttpParams.header(UNDEFINED, false)).isNull();
    }

    @Test
    void cookieIsFormStyleWithSeparateCookiesWhenExploded() {
        assertThat(HttpParams.cookie("color", STRING, true)).containsExactly("color=blue");
        assertThat(HttpParams.cookie("color", ARRAY, false)).containsExactly("color=blue,black,brown");
        assertThat(HttpParams.cookie("color", ARRAY, true)).containsExactly("color=blue", "color=black", "color=brown");
        assertThat(HttpParams.cookie("color", OBJECT, true)).containsExactly("R=100", "G=200", "B=150");
        // ';' and ',' inside a value would forge or split cookies: they are encoded.
        assertThat(HttpParams.cookie("c", "a; admin=1,b", true)).containsExactly("c=a%3B%20admin%3D1%2Cb");
    }

    @Test
    void nullMeansNotProvided() {
        assertThat(HttpParams.query("q", null, FORM, true)).isEmpty();
        assertThat(HttpParams.query("q", Optional.empty(), FORM, true)).isEmpty();
        assertThat(HttpParams.query("q", Optional.of("x"), FORM, true)).containsExactly("q=x");
        assertThat(HttpParams.cookie("c", null, true)).isEmpty();
        assertThatThrownBy(() -> HttpParams.path("id", null, SIMPLE, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id'");
    }

    @Test
    void arraysOfPrimitivesAndObjectsAreLists() {
        assertThat(query("n", new int[] {1, 2}, FORM, false)).isEqualTo("n=1,2");
        assertThat(query("n", new String[] {"a", null, "b"}, FORM, true)).isEqualTo("n=a&n=b");
        assertThat(query("n", new java.math.BigDecimal("1E+3"), FORM, true)).isEqualTo("n=1000");
    }

    @Test
    void everyFormatHasTheTextItsJsonFormHas() {
        java.time.OffsetDateTime midnight = java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z");
        assertThat(query("t", midnight, FORM, true)).isEqualTo("t=2024-01-01T00%3A00%3A00Z");
        assertThat(HttpParams.toText(midnight)).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(HttpParams.toText(java.time.OffsetDateTime.parse("2024-01-01T10:20:30.5+02:00")))
                .isEqualTo("2024-01-01T10:20:30.5+02:00");
        assertThat(HttpParams.header(midnight, false)).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(HttpParams.path("t", midnight, SIMPLE, false)).isEqualTo("2024-01-01T00%3A00%3A00Z");
        assertThat(HttpParams.toText(java.time.LocalDate.of(2024, 2, 3))).isEqualTo("2024-02-03");
        assertThat(HttpParams.toText(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
                .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(HttpParams.toText(2.0)).isEqualTo("2");
        assertThat(HttpParams.toText(2.5f)).isEqualTo("2.5");
        assertThat(HttpParams.toText(0.1f)).isEqualTo("0.1");
        assertThat(HttpParams.toText(-7L)).isEqualTo("-7");
        assertThat(HttpParams.toText(true)).isEqualTo("true");
        assertThat(query("b", new byte[] {(byte) 0xfb, (byte) 0xff}, FORM, true))
                .isEqualTo("b=%2B%2F8%3D");
    }

    @Test
    void valuesCannotInjectQueryParametersOrPathSegments() {
        assertThat(query("q", "a&x=1", FORM, true)).isEqualTo("q=a%26x%3D1");
        assertThat(query("q", "a b+c%20#frag?", FORM, true)).isEqualTo("q=a%20b%2Bc%2520%23frag%3F");
        assertThat(query("q", "é€", FORM, true)).isEqualTo("q=%C3%A9%E2%82%AC");
        assertThat(query("a&b=c", "v", FORM, true)).isEqualTo("a%26b%3Dc=v");
        assertThat(HttpParams.path("id", "../admin", SIMPLE, false)).isEqualTo("..%2Fadmin");
        assertThat(HttpParams.path("id", "a/b?c#d", SIMPLE, false)).isEqualTo("a%2Fb%3Fc%23d");
        assertThat(HttpParams.path("id", "a;b=c,d", MATRIX, false)).isEqualTo(";id=a%3Bb%3Dc%2Cd");
        assertThat(HttpParams.path("id", "line\r\nX: y", SIMPLE, false)).isEqualTo("line%0D%0AX%3A%20y");
        // Delimiters inside list items and object keys are encoded, so they cannot fake extra items.
        assertThat(query("c", List.of("a,b", "c"), FORM, false)).isEqualTo("c=a%2Cb,c");
        assertThat(query("c", Map.of("k]&x", "v"), DEEP_OBJECT, true)).isEqualTo("c%5Bk%5D%26x%5D=v");
        assertThat(query("c", List.of("a|b", "c"), PIPE_DELIMITED, false)).isEqualTo("c=a%7Cb%7Cc");
        assertThat(query("c", List.of("a b", "c"), SPACE_DELIMITED, false)).isEqualTo("c=a%20b%20c");
    }

    @Test
    void dotSegmentsAndEmptyPathValuesAreRejected() {
        for (String bad : new String[] {"..", ".", ""}) {
            assertThatThrownBy(() -> HttpParams.path("id", bad, SIMPLE, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'id'");
        }
        assertThat(HttpParams.path("id", "...", SIMPLE, false)).isEqualTo("...");
    }

    @Test
    void headerValuesWithLineBreaksOrNonAsciiAreRejected() {
        assertThatThrownBy(() -> HttpParams.header("a\r\nX-Injected: 1", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpParams.header("a\nb", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpParams.header("é", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpParams.requireHeaderName("X-A: b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpParams.header("tab\tok", false)).isEqualTo("tab\tok");
    }

    @Test
    void deepObjectNestsAndRejectsScalars() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("lt", 5);
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("age", inner);
        filter.put("tag", List.of("a", "b"));
        assertThat(query("f", filter, DEEP_OBJECT, true)).isEqualTo("f%5Bage%5D%5Blt%5D=5&f%5Btag%5D=a&f%5Btag%5D=b");
        assertThatThrownBy(() -> HttpParams.query("f", "x", DEEP_OBJECT, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stylesInTheWrongLocationAreRejected() {
        assertThatThrownBy(() -> HttpParams.path("p", "x", FORM, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpParams.query("q", "x", LABEL, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpParams.Style.fromOpenApi("deepObject")).isEqualTo(DEEP_OBJECT);
        assertThatThrownBy(() -> HttpParams.Style.fromOpenApi("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestSpecExpandsTemplateAndRequiresEveryPlaceholder() {
        HttpRequestSpec spec = HttpRequestSpec.builder("get", "/pets/{petId}/photos/{photo}")
                .pathParam("petId", 42)
                .pathParam("photo", "a b")
                .queryParam("x", null)
                .build();
        assertThat(spec.method()).isEqualTo("GET");
        assertThat(spec.path()).isEqualTo("/pets/42/photos/a%20b");
        assertThat(spec.query()).isEmpty();
        assertThatThrownBy(() -> HttpRequestSpec.builder("GET", "/pets/{petId}").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("petId");
    }
}
