package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One rule of Java naming per test: how spec text becomes identifiers, and how a scope keeps names unique. */
class JavaNamesTest {
    @Test
    void typeNamesAreUpperCamelCaseFromEveryWord() {
        assertThat(JavaNames.typeName(List.of("pet_status", "value"))).isEqualTo("PetStatusValue");
    }

    @Test
    void anAcronymEndsWhereTheNextWordBegins() {
        assertThat(JavaNames.typeName(List.of("HTTPResponse"))).isEqualTo("HttpResponse");
    }

    @Test
    void aLeadingDigitGetsAnUnderscore() {
        assertThat(JavaNames.typeName(List.of("1st place"))).isEqualTo("_1stPlace");
    }

    @Test
    void aTypeNameWithoutLettersOrDigitsIsType() {
        assertThat(JavaNames.typeName(List.of("--"))).isEqualTo("Type");
    }

    @Test
    void anOverLongTypeNameIsCutAndKeptUniqueByAHash() {
        String name = JavaNames.typeName(List.of("a".repeat(300)));
        assertThat(name).hasSize(100).matches("A a{90}_[0-9a-f]{8}".replace(" ", ""));
    }

    @Test
    void memberNamesAreLowerCamelCase() {
        assertThat(JavaNames.memberName("first_name")).isEqualTo("firstName");
    }

    @Test
    void anAllUpperFirstWordIsLoweredWhole() {
        assertThat(JavaNames.memberName("URL")).isEqualTo("url");
    }

    @Test
    void aKeywordMemberGetsATrailingUnderscore() {
        assertThat(JavaNames.memberName("default")).isEqualTo("default_");
    }

    @Test
    void aRestrictedIdentifierIsNeverUsedBare() {
        assertThat(JavaNames.memberName("record")).isEqualTo("record_");
    }

    @Test
    void aMemberWithoutLettersIsValue() {
        assertThat(JavaNames.memberName("+")).isEqualTo("value");
    }

    @Test
    void constantsAreUpperSnakeCaseFromDottedValues() {
        assertThat(JavaNames.constantName("session.update")).isEqualTo("SESSION_UPDATE");
    }

    @Test
    void theEmptyStringConstantIsEmpty() {
        assertThat(JavaNames.constantName("")).isEqualTo("EMPTY");
    }

    @Test
    void aConstantOfSymbolsOnlyIsValue() {
        assertThat(JavaNames.constantName("+")).isEqualTo("VALUE");
    }

    @Test
    void packageNamesRejectKeywordSegments() {
        assertThat(JavaNames.isPackageName("com.example.class")).isFalse();
    }

    @Test
    void packageNamesRejectNonAscii() {
        assertThat(JavaNames.isPackageName("com.exämple")).isFalse();
    }

    @Test
    void capitalisedPackageNamesAreAccepted() {
        assertThat(JavaNames.isPackageName("MyCompany.MyApi")).isTrue();
    }

    @Test
    void javaAndJavaxAreJdkPackages() {
        assertThat(List.of("java.util", "javax", "javafx").stream().map(JavaNames::isJdkPackage))
                .containsExactly(true, true, false);
    }

    @Test
    void aScopeSuffixesTheSecondUseOfAName() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of());
        scope.allocate("item");
        assertThat(scope.allocate("item")).isEqualTo("item2");
    }

    @Test
    void aScopeNeverHandsOutAReservedName() {
        assertThat(new JavaNames.Scope(false, List.of("build")).allocate("build"))
                .isEqualTo("build2");
    }

    @Test
    void aCaseInsensitiveScopeTreatsCaseOnlyDifferencesAsOneName() {
        JavaNames.Scope scope = new JavaNames.Scope(true, List.of());
        scope.allocate("Pet");
        assertThat(scope.allocate("pet")).isEqualTo("pet2");
    }

    @Test
    void aTaggedNameIsFoundByItsTag() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of("body"));
        scope.allocate("body", "the request body");
        assertThat(scope.get("the request body")).isEqualTo("body2");
    }

    @Test
    void aTagIsAllocatedOnce() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of());
        scope.allocate("a", 1);
        assertThatThrownBy(() -> scope.allocate("b", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownTagIsAnError() {
        assertThatThrownBy(() -> new JavaNames.Scope(false, List.of()).get("nothing"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChildScopeAvoidsItsParentsNames() {
        JavaNames.Scope parent = new JavaNames.Scope(false, List.of());
        parent.allocate("executor");
        assertThat(parent.child().allocate("executor")).isEqualTo("executor2");
    }

    @Test
    void aChildScopeFindsItsParentsTags() {
        JavaNames.Scope parent = new JavaNames.Scope(false, List.of());
        parent.allocate("executor", "field");
        assertThat(parent.child().get("field")).isEqualTo("executor");
    }

    @Test
    void whatAChildAllocatesStaysOutOfItsParent() {
        JavaNames.Scope parent = new JavaNames.Scope(false, List.of());
        parent.child().allocate("local");
        assertThat(parent.isUsed("local")).isFalse();
    }

    @Test
    void siblingChildScopesMayReuseAName() {
        JavaNames.Scope parent = new JavaNames.Scope(false, List.of());
        parent.child().allocate("i");
        assertThat(parent.child().allocate("i")).isEqualTo("i");
    }

    /** Two names a generator declares, as an emitter lists them. */
    private enum Own implements JavaNames.Own {
        BUILD("build"),
        PRESENT("present");

        private final String javaName;

        Own(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    @Test
    void declaredNamesAreFoundByTheirTag() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of());
        scope.declare(Own.values());
        assertThat(scope.get(Own.PRESENT)).isEqualTo("present");
    }

    @Test
    void aSpecNameIsAllocatedAroundDeclaredNames() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of());
        scope.declare(Own.values());
        assertThat(scope.allocate("build")).isEqualTo("build2");
    }

    @Test
    void aDeclaredNameThatIsAlreadyTakenIsAGeneratorBug() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of("build"));
        assertThatThrownBy(() -> scope.declare(Own.values())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reservingATakenNameIsHarmless() {
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of());
        scope.declare(Own.values());
        scope.reserve(List.of("build", "Json"));
        assertThat(scope.allocate("Json")).isEqualTo("Json2");
    }

    @Test
    void objectsMethodsAreReadFromTheJdk() {
        assertThat(JavaNames.OBJECT_METHODS)
                .contains("wait", "notify", "getClass", "hashCode", "equals", "toString", "clone", "finalize");
    }
}
