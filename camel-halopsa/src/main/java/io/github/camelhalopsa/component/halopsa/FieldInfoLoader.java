package io.github.camelhalopsa.component.halopsa;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.customfields.FieldDefinitionsCache;
import org.apache.camel.CamelException;

/** Reads HaloPSA's custom field definitions: {@code GET /FieldInfo}, a bare array in Halo (either shape is read). */
final class FieldInfoLoader implements FieldDefinitionsCache.Loader {

    static final String PATH = "/FieldInfo";

    private final HaloPsaConnection connection;
    private final HaloJson json;

    FieldInfoLoader(HaloPsaConnection connection, HaloJson json) {
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
