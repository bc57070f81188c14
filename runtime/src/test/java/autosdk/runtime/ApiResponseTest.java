package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {

    private static ApiResponse<String> response(Map<String, List<String>> headers) {
        return new ApiResponse<>(200, HttpHeaders.of(headers), "body");
    }

    @Test
    void requestIdPrefersXRequestIdOverTheOtherCommonHeaders() {
        ApiResponse<String> r = response(Map.of("Request-Id", List.of("second"), "X-Request-ID", List.of("first")));
        assertThat(r.requestId()).contains("first");
    }

    @Test
    void requestIdFallsBackToTheOtherCommonHeaders() {
        assertThat(response(Map.of("request-id", List.of("req_1"))).requestId()).contains("req_1");
        assertThat(response(Map.of("X-Amzn-RequestId", List.of("aws-1"))).requestId())
                .contains("aws-1");
        assertThat(response(Map.of("X-Correlation-Id", List.of("c-1"))).requestId())
                .contains("c-1");
    }

    @Test
    void noRequestIdHeaderMeansEmpty() {
        assertThat(response(Map.of("X-Trace", List.of("t"))).requestId()).isEmpty();
    }
}
