package io.github.camelhalopsa.component.halopsa.producer;

import java.time.Duration;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldResolver;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the endpoint's operation (or the one the {@link HaloPsaConstants#OPERATION} header names) against HaloPSA,
 * handing each to the class of its family: {@link ListOperation}, {@link RecordOperations}, {@link ReportPreview},
 * {@link ApiRequest}.
 */
public class HaloPsaProducer extends DefaultProducer {

    private final HaloPsaEndpoint endpoint;
    private final HaloPsaConfiguration configuration;
    private final MessageParameters parameters;
    private ListOperation lists;
    private RecordOperations records;
    private ReportPreview reports;
    private ApiRequest requests;

    public HaloPsaProducer(HaloPsaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.parameters = new MessageParameters(endpoint.getEntity(), configuration);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        HaloPsaConnection connection = endpoint.getConnection();
        HaloJson json = endpoint.getComponent().getJson();
        CustomFieldOperations customFields = new CustomFieldOperations(endpoint.getEntity(), configuration, connection,
                json, new CustomFieldResolver(endpoint.getComponent().fieldDefinitionsFor(connection),
                        Duration.ofMillis(configuration.getCustomFieldsRefreshInterval())));
        lists = new ListOperation(parameters, new ListFetcher(connection, json), customFields);
        records = new RecordOperations(parameters, connection, json, customFields);
        reports = new ReportPreview(parameters, connection, json);
        requests = new ApiRequest(parameters, connection, json);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        switch (operation(in)) {
            case list -> lists.run(in);
            case get -> records.get(in);
            case addOrUpdate -> records.addOrUpdate(in);
            case delete -> records.delete(in);
            case preview -> reports.run(in);
            case request -> requests.run(in);
            default -> throw new IllegalStateException("Unhandled operation");
        }
    }

    private HaloPsaOperation operation(Message in) {
        Object fromHeader = in.getHeader(HaloPsaConstants.OPERATION);
        if (fromHeader != null) {
            return endpoint.requireSupported(HaloPsaOperation.parse(fromHeader, "header " + HaloPsaConstants.OPERATION));
        }
        HaloPsaEntity entity = endpoint.getEntity();
        return configuration.getOperation() != null ? configuration.getOperation() : entity.defaultOperation();
    }
}
