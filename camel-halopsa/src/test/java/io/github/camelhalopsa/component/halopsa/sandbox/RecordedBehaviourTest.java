package io.github.camelhalopsa.component.halopsa.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component against sandboxes set to behave as real tenants were recorded behaving, or as they plausibly could
 * where nothing is recorded (src-docs/sandbox.adoc names the source of each): end to end, through Camel.
 */
class RecordedBehaviourTest {

    @Test
    void theTriggerDeliversEachNewTicketOnceWhenTicketsComeOldestFirst() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().ticketsIgnoreOrder(true))) {
            List<Object> delivered = new ArrayList<>();
            try (CamelContext camel = camel(sandbox, configuration -> configuration.setTenant(sandbox.tenant()))) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("halopsa:ticket?startScheduler=false").routeId("trigger")
                                .process(e -> delivered.add(e.getIn().getHeader(HaloPsaConstants.ID)));
                    }
                });
                camel.start();
                TriggerConsumer consumer = (TriggerConsumer) camel.getRoute("trigger").getConsumer();
                consumer.run(); // since=now: the baseline
                Object first = sandbox.openTicket().get("id");
                Object second = sandbox.openTicket().get("id");

                consumer.run();
                consumer.run();

                assertThat(delivered).containsExactly(String.valueOf(first), String.valueOf(second));
                assertThat(consumer.getErrorCounter()).isZero();
            }
        }
    }

    @Test
    void aTrialStyleTenantIsReachedWithOnlyTheResourceServerAndCredentials() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().authServerPath(""))) {
            try (CamelContext camel = camel(sandbox, configuration -> { })) {
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();

                List<?> statuses = template.requestBody("halopsa:status", null, List.class);

                assertThat(statuses).isNotEmpty();
            }
        }
    }

    @Test
    void anAttachmentListWithNullAttachmentsAndFoldersIsEmpty() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().emptyAttachmentsAsNull(true)
                .attachmentFolders("Invoices"))) {
            try (CamelContext camel = camel(sandbox, configuration -> configuration.setTenant(sandbox.tenant()))) {
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();

                List<?> attachments = template.requestBody("halopsa:attachment?query.ticket_id=2", null, List.class);

                assertThat(attachments).isEmpty();
            }
        }
    }

    @Test
    void moreThanFiftyAgentsAreAllListed() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults())) {
            int before = sandbox.data().size(SandboxCollection.agent);
            for (int i = 0; i < 120; i++) {
                Map<String, Object> agent = new LinkedHashMap<>();
                agent.put("name", "Agent " + i);
                sandbox.data().save(SandboxCollection.agent, agent);
            }
            try (CamelContext camel = camel(sandbox, configuration -> configuration.setTenant(sandbox.tenant()))) {
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();

                List<?> agents = template.requestBody("halopsa:agent", null, List.class);

                assertThat(agents).hasSize(before + 120);
            }
        }
    }

    private static CamelContext camel(HaloSandbox sandbox, Consumer<HaloPsaConfiguration> connection) {
        CamelContext camel = new DefaultCamelContext();
        HaloPsaComponent component = new HaloPsaComponent();
        HaloPsaConfiguration configuration = component.getConfiguration();
        configuration.setClientId(sandbox.clientId());
        configuration.setClientSecret(sandbox.clientSecret());
        configuration.setResourceServer(sandbox.resourceServer());
        connection.accept(configuration);
        camel.addComponent("halopsa", component);
        return camel;
    }
}
