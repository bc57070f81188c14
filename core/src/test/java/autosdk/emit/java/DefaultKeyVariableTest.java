package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented rule that turns an API title into the default environment variable of its API key. */
class DefaultKeyVariableTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OpenAI API|OPENAI_API_KEY",
                "xAI API|XAI_API_KEY",
                "Swagger Petstore - OpenAPI 3.0|SWAGGER_PETSTORE_API_KEY",
                "ElevenLabs API Documentation|ELEVENLABS_API_KEY",
                "Acme Widgets API Reference v2|ACME_WIDGETS_API_KEY",
                "3D Print Farm|API_3D_PRINT_FARM_API_KEY",
                "API|API_KEY",
                "'  '|API_KEY"
            })
    void derivesTheVariableFromTheTitle(String title, String variable) {
        assertThat(RestEntryEmitter.defaultKeyVariable(title)).isEqualTo(variable);
    }

    @Test
    void noTitleGivesApiKey() {
        assertThat(RestEntryEmitter.defaultKeyVariable(null)).isEqualTo("API_KEY");
    }
}
