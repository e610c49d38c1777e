package io.github.camelhalopsa.examples.routes;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Workflow 2: an asset assigned to a client updates the inventory records. The routes watch the stock client's
 * assets; one that leaves the stock has been handed to a customer, so it moves to that customer's main site and its
 * stock item counts one fewer in stock. The YAML twin is {@code routes/asset-inventory.yaml}.
 */
public class AssetInventoryRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:find-stock-client?repeatCount=1").routeId("asset-stock-client")
                .to("halopsa:client?query.search={{examples.assets.stock-client}}")
                .choice()
                    .when(method("stock", "useStockClient"))
                        .setBody(simple("watching the assets of {{examples.assets.stock-client}} for hand-overs"))
                    .otherwise()
                        .setBody(simple("no client named {{examples.assets.stock-client}}: the asset workflow stays idle"))
                .end()
                .bean("run", "note");

        from("timer:asset-handovers?delay=2000&period={{examples.assets.poll-period}}").routeId("asset-handover-poller")
                .filter(method("stock", "isReady"))
                .setHeader(HaloPsaConstants.QUERY, method("stock", "stockQuery"))
                .to("halopsa:asset")
                // the query was for the list only: GET /Asset/{id} takes no client_id (the sandbox would say 400)
                .removeHeader(HaloPsaConstants.QUERY)
                .split(method("stock", "handedOver"))
                    .to("direct:asset-handed-over");

        from("direct:asset-handed-over").routeId("asset-inventory")
                .setHeader(HaloPsaConstants.ID, body())
                .to("halopsa:asset?operation=get")
                .filter(method("stock", "isWithACustomer"))
                .setVariable("asset", body())
                .setHeader(HaloPsaConstants.ID, simple("${body[client_id]}"))
                .to("halopsa:client?operation=get")
                .setVariable("client", body())
                .setBody(method("stock", "siteUpdate"))
                .to("halopsa:asset?operation=addOrUpdate")
                .filter(method("stock", "hasStockItem"))
                    .setHeader(HaloPsaConstants.ID, simple("${variable.asset[item_id]}"))
                    .to("halopsa:item?operation=get")
                    .setVariable("item", body())
                    .setBody(method("stock", "stockTaken"))
                    .to("halopsa:item?operation=addOrUpdate")
                .end()
                .bean("run", "assetHandedOver");
    }
}
