package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.Transport;
import autosdk.testing.Corpus;
import autosdk.testing.Prism;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent check: Stoplight Prism (a validator that shares nothing with the generator) mocks corpus specs,
 * validates every request the generated client sends against the spec (answering 4xx to invalid ones, which the
 * client turns into exceptions) and answers with the spec's examples, which must decode.
 *
 * <p>Prism is installed and started by {@link Prism}.
 */
class PrismMockTest {
    /** The transport under test; {@link PrismMockOkHttpTest} runs these operations again on OkHttp. */
    Transport transport() {
        return Transport.JDK;
    }

    @BeforeAll
    static void installPrism() throws Exception {
        Prism.home();
    }

    @Test
    void petstoreClientIsAcceptedByPrism(@TempDir Path dir) throws Throwable {
        Path spec = Corpus.file("swagger-petstore/openapi.yaml");
        RestSdk sdk =
                RestSdk.build(spec, "com.example.petstore", "fixtures/rest/PetstoreDriver.java", dir, transport());
        String result = withPrism(spec, dir, url -> (String) sdk.call("run", url));
        assertThat(result)
                .isEqualTo("getPetById=doggie|findPetsByStatus=doggie|findPetsByTags=true|addPet=doggie"
                        + "|updatePetWithForm=true|getInventory=true|placeOrder=true|loginUser=true|"
                        + "getUserByName=theUser|deletePet=ok");
    }

    @Test
    void xaiClientIsAcceptedByPrism(@TempDir Path dir) throws Throwable {
        Path spec = Corpus.file("tryAGI-Xai/openapi.yaml");
        RestSdk sdk = RestSdk.build(spec, "com.example.xai", "fixtures/rest/XaiDriver.java", dir, transport());
        String result = withPrism(spec, dir, url -> (String) sdk.call("run", url));
        assertThat(result)
                .isEqualTo("getModel=true|listCustomVoices=true|createChatCompletion=true|createBatch=true|"
                        + "listBatchRequests=true");
    }

    interface Call {
        String run(String baseUrl) throws Throwable;
    }

    /** Starts {@code prism mock} for {@code spec} on a free port, runs {@code call}, and stops Prism. */
    private static String withPrism(Path spec, Path dir, Call call) throws Throwable {
        try (Prism prism = Prism.mock(spec, dir.resolve("prism.log"), Duration.ofMinutes(3))) {
            try {
                return call.run(prism.url());
            } catch (Throwable t) {
                throw new AssertionError("client call failed; Prism said:\n" + prism.log(), t);
            }
        }
    }
}
