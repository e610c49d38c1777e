package io.github.camelhalopsa.component.halopsa.sandbox;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.HaloSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CamelContext whose halopsa component talks to a HaloPSA sandbox: real tokens, Halo's answer shapes and rules,
 * and a 400 for any request Halo's OpenAPI document does not allow. The sandbox starts fresh for each test.
 */
abstract class SandboxTestSupport extends CamelTestSupport {

    @RegisterExtension
    static HaloSandboxExtension halo = HaloSandboxExtension.create().resetBeforeEachTest();

    protected static HaloSandbox sandbox() {
        return halo.sandbox();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HaloPsaComponent component = new HaloPsaComponent();
        HaloPsaConfiguration configuration = component.getConfiguration();
        configuration.setClientId(sandbox().clientId());
        configuration.setClientSecret(sandbox().clientSecret());
        configuration.setResourceServer(sandbox().resourceServer());
        configuration.setTenant(sandbox().tenant());
        context.addComponent("halopsa", component);
        return context;
    }
}
