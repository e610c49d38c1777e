package io.github.camelhalopsa.component.halopsa.connection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HaloPsaHostsTest {

    @ParameterizedTest(name = "resource server ''{0}''")
    @CsvSource({
            "example.halopsa.com",
            "example.halopsa.com/",
            "example.halopsa.com/api",
            "example.halopsa.com/api/",
            "https://example.halopsa.com",
            "https://example.halopsa.com/api",
            "HTTPS://example.halopsa.com/API/",
            "'  example.halopsa.com  '" })
    void acceptsResourceServerAsUsersPasteIt(String pasted) {
        HaloPsaHosts hosts = HaloPsaHosts.of(pasted, null, "example", false);

        assertThat(hosts.apiBase()).hasToString("https://example.halopsa.com/api");
        assertThat(hosts.tokenUri()).hasToString("https://example.halopsa.com/auth/token?tenant=example");
    }

    @ParameterizedTest(name = "auth server ''{0}''")
    @CsvSource({
            "example.halopsa.com/auth, https://example.halopsa.com/auth/token",
            "https://example.halopsa.com/auth/, https://example.halopsa.com/auth/token",
            "https://example.halopsa.com/auth/token, https://example.halopsa.com/auth/token",
            "auth.haloservicedesk.com, https://auth.haloservicedesk.com/token",
            "uk-trial.halopsa.com, https://uk-trial.halopsa.com/token" })
    void acceptsAuthServerAsUsersPasteIt(String pasted, String tokenUrl) {
        HaloPsaHosts hosts = HaloPsaHosts.of("example.halopsa.com", pasted, null, false);

        assertThat(hosts.tokenUri()).hasToString(tokenUrl);
    }

    @ParameterizedTest(name = "http kept for ''{0}''")
    @CsvSource({ "http://127.0.0.1:8080", "http://127.0.0.1:8080/api/" })
    void keepsPlainHttpOnlyWhenWrittenOut(String pasted) {
        HaloPsaHosts hosts = HaloPsaHosts.of(pasted, null, null, false);

        assertThat(hosts.apiBase()).hasToString("http://127.0.0.1:8080/api");
        assertThat(hosts.tokenUri()).hasToString("http://127.0.0.1:8080/auth/token");
    }

    @ParameterizedTest(name = "on-premise={0}")
    @CsvSource({ "false, https://halo.example.org/auth/token?tenant=my+tenant", "true, https://halo.example.org/auth/token" })
    void sendsTenantForHostedInstancesOnly(boolean onPremise, String tokenUrl) {
        assertThat(HaloPsaHosts.of("halo.example.org", null, "my tenant", onPremise).tokenUri()).hasToString(tokenUrl);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({
            "ftp://example.halopsa.com, only http:// and https:// are supported",
            "https:///api, no host name found",
            "https://, Invalid HaloPSA resourceServer",
            "'https://exa mple.com', Invalid HaloPSA resourceServer",
            "https://example.halopsa.com/api?x=1, a query or fragment is not allowed" })
    void refusesHostsItCannotUse(String pasted, String reason) {
        assertThatThrownBy(() -> HaloPsaHosts.of(pasted, null, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resourceServer")
                .hasMessageContaining(reason);
    }
}
