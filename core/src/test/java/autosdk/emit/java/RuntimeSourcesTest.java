package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule per test: the names a generated builder inherits are read from the runtime's sources, not kept by hand. */
class RuntimeSourcesTest {

    @Test
    void aBaseClassesOwnPublicMethodsAreInherited() {
        assertThat(RuntimeSources.inheritedMethodNames("HttpClientBuilder")).contains("baseUrl");
    }

    @Test
    void itsProtectedMethodsAreInherited() {
        assertThat(RuntimeSources.inheritedMethodNames("HttpClientBuilder")).contains("config");
    }

    @Test
    void methodsOfRuntimeSuperclassesAreInherited() {
        assertThat(RuntimeSources.inheritedMethodNames("WsClientBuilder"))
                .contains("connectTimeout", "logging", "self");
    }

    @Test
    void objectsMethodsAreInherited() {
        assertThat(RuntimeSources.inheritedMethodNames("WsClientBuilder")).contains("equals", "getClass", "clone");
    }

    @Test
    void methodsOfNestedClassesAreNot() {
        assertThat(RuntimeSources.inheritedMethodNames("WsClientBuilder")).doesNotContain("pathDefault");
    }

    @Test
    void fieldsAreNot() {
        assertThat(RuntimeSources.inheritedMethodNames("HttpClientBuilder")).doesNotContain("defaultHeaders");
    }
}
