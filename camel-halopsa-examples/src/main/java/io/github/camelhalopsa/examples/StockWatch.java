package io.github.camelhalopsa.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * Workflow 2's knowledge: which client holds the stock ({@code examples.assets.stock-client}), which assets were in
 * stock at the last look, and how a hand-over changes the inventory records: the asset moves to its new client's main
 * site, and the stock item it came from has one fewer in stock.
 */
public class StockWatch {

    private String stockClient = "Harbour IT Stock";
    private Integer stockClientId;
    private Set<Long> inStock;

    /** The name of the client whose assets are stock. */
    public void setStockClient(String stockClient) {
        this.stockClient = stockClient;
    }

    public String getStockClient() {
        return stockClient;
    }

    /** Picks the stock client out of a client search; without one the asset workflow stays idle. */
    public synchronized boolean useStockClient(@Body List<Map<String, Object>> clients) {
        for (Map<String, Object> client : clients) {
            if (stockClient.equalsIgnoreCase(String.valueOf(client.get("name")))) {
                stockClientId = ((Number) client.get("id")).intValue();
                return true;
            }
        }
        return false;
    }

    public synchronized boolean isReady() {
        return stockClientId != null;
    }

    /** The query for the stock client's assets. */
    public synchronized Map<String, Object> stockQuery() {
        return Map.of("client_id", stockClientId);
    }

    /** Ids of the assets that left the stock since the last look; the first look only takes note. */
    public synchronized List<Long> handedOver(@Body List<Map<String, Object>> stockAssets) {
        Set<Long> now = new TreeSet<>();
        stockAssets.forEach(asset -> now.add(((Number) asset.get("id")).longValue()));
        Set<Long> before = inStock;
        inStock = now;
        if (before == null) {
            return List.of();
        }
        before.removeAll(now);
        return List.copyOf(before);
    }

    /** Whether the asset has really gone to a customer (not back to stock, nor deleted in between). */
    public synchronized boolean isWithACustomer(@Body Map<String, Object> asset) {
        Object client = asset.get("client_id");
        return client instanceof Number number && number.intValue() > 0 && number.intValue() != stockClientId;
    }

    /** The asset moves to the new client's main site. */
    public Map<String, Object> siteUpdate(@Variable("asset") Map<String, Object> asset,
                                          @Variable("client") Map<String, Object> client) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", asset.get("id"));
        Object mainSite = client.get("main_site_id");
        if (mainSite instanceof Number number && number.intValue() > 0) {
            update.put("site_id", number.intValue());
        }
        return update;
    }

    public boolean hasStockItem(@Variable("asset") Map<String, Object> asset) {
        return asset.get("item_id") instanceof Number number && number.intValue() > 0;
    }

    /** One fewer of the item in stock. */
    public Map<String, Object> stockTaken(@Body Map<String, Object> item) {
        double inStock = item.get("quantity_in_stock") instanceof Number number ? number.doubleValue() : 0;
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", item.get("id"));
        update.put("quantity_in_stock", Math.max(0, inStock - 1));
        return update;
    }
}
