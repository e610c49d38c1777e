package io.github.camelhalopsa.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Seeds the demo data ({@code demo-data.json} beside this class): Harbour IT Services, a small managed service
 * provider, with four customers, their sites and people, six agents in four teams, statuses, priorities, ticket types,
 * categories, asset types, assets (six of them in the stockroom), stock items, contracts, a few tickets with actions,
 * and saved reports.
 */
final class DemoData {

    /** The internal client whose assets are stock, not yet with a customer. */
    static final String STOCK_CLIENT = "Harbour IT Stock";
    /** The top level the customers sit under; the stock client is under "Internal". */
    static final int CUSTOMERS_TOP_LEVEL = 1;

    private static final String RESOURCE = "demo-data.json";

    private DemoData() {
    }

    static void seed(SandboxData data) {
        Map<String, List<Map<String, Object>>> collections;
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sandbox's demo data is missing from its jar: " + RESOURCE);
            }
            Map<String, Object> file = Responses.JSON.readValue(in, new TypeReference<>() {
            });
            file.remove("_about");
            collections = Responses.JSON.convertValue(file, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the sandbox's demo data", e);
        }
        collections.forEach((name, records) -> {
            SandboxCollection collection = SandboxCollection.valueOf(name);
            records.forEach(record -> data.seed(collection, record));
        });
        data.refreshNames();
    }
}
