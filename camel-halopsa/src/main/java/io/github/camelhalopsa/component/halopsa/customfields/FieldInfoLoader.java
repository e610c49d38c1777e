package io.github.camelhalopsa.component.halopsa.customfields;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import io.github.camelhalopsa.component.halopsa.records.RecordList;
import org.apache.camel.CamelException;

/** Reads HaloPSA's custom field definitions: {@code GET /FieldInfo}, a bare array in Halo (either shape is read). */
public final class FieldInfoLoader implements FieldDefinitionsCache.Loader {

    public static final String PATH = "/FieldInfo";

    private final HaloPsaConnection connection;
    private final HaloJson json;

    public FieldInfoLoader(HaloPsaConnection connection, HaloJson json) {
        this.connection = connection;
        this.json = json;
    }

    @Override
    public List<Map<String, Object>> load() throws CamelException {
        HaloRequest request = HaloRequest.get(PATH, Map.of());
        HaloHttpResponse response = connection.send(request);
        return RecordList.of(json.answer(request, response), null, request, response).records();
    }
}
