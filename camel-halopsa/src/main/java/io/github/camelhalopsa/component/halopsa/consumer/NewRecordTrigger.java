package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trigger=new} on a list whose ids grow with creation (tickets, clients, sites, assets, users): each record
 * created after the start once, oldest first, kept track of by an {@link IdWatermark}.
 */
final class NewRecordTrigger implements Trigger<IdWatermark> {

    private static final Logger LOG = LoggerFactory.getLogger(NewRecordTrigger.class);

    private final HaloPsaEntity entity;
    private final NewRecordFinder finder;
    private final NewRecordStart start;
    private final ObjectMapper mapper;

    NewRecordTrigger(HaloPsaEntity entity, ListFetcher lists, Map<String, String> filters, NewRecordStart start,
                     ObjectMapper mapper) {
        this.entity = entity;
        this.finder = new NewRecordFinder(lists, entity, filters);
        this.start = start;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return entity + ".new";
    }

    @Override
    public String title() {
        return Triggers.title(entity, false);
    }

    @Override
    public String recordsKey() {
        return entity.listKey();
    }

    @Override
    public Start<IdWatermark> start() throws CamelException {
        if (!start.isNow()) {
            return new Start<>(start.state(), false);
        }
        IdWatermark baseline = IdWatermark.baseline(finder.newestVisibleIds());
        LOG.info("The {} delivers {}s created from now on: the newest {} visible is {}", title(), entity, entity,
                baseline.watermark());
        return new Start<>(baseline, true);
    }

    @Override
    public Found find(IdWatermark state) throws CamelException {
        return finder.find(state);
    }

    @Override
    public IdWatermark parse(String text) {
        return IdWatermark.parse(text, mapper);
    }

    @Override
    public String describeNext(IdWatermark state) {
        return "after " + entity + " " + state.watermark();
    }

    @Override
    public String idOf(Map<String, Object> record) throws CamelException {
        return String.valueOf(NewRecordFinder.idOf(record, entity.path()));
    }
}
