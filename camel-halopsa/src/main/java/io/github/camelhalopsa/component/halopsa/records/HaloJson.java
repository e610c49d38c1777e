package io.github.camelhalopsa.component.halopsa.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.connection.HaloErrorMessage;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;

/**
 * JSON in and out of HaloPSA: record bodies from whatever a route hands over, and Halo's answers read strictly, so an
 * empty or malformed answer fails the exchange instead of passing on as an empty success.
 */
public final class HaloJson {

    private final ObjectMapper mapper;

    public HaloJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The records of a message body for a POST: a Map, a List or array of Maps or POJOs, a JSON string (object or
     * array), or one POJO.
     */
    public List<Map<String, Object>> records(Object body, String what) {
        if (body == null) {
            throw new IllegalArgumentException(what + " needs a message body: a Map, a List of Maps, a JSON string or a "
                                               + "POJO with the record's fields");
        }
        Object tree = body;
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            tree = readBody(body, what);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        if (tree instanceof Collection<?> collection) {
            collection.forEach(element -> records.add(record(element, what)));
        } else if (tree instanceof Object[] array) {
            for (Object element : array) {
                records.add(record(element, what));
            }
        } else {
            records.add(record(tree, what));
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(what + " got an empty list: there is no record to send");
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(Object element, String what) {
        if (element instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (element == null || element instanceof CharSequence || element instanceof Number || element instanceof Boolean) {
            throw new IllegalArgumentException(what + " needs records (JSON objects), but the body holds "
                                               + (element == null ? "null" : "the value '" + element + "'"));
        }
        try {
            return mapper.convertValue(element, Map.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " could not turn a " + element.getClass().getName()
                                               + " into a JSON record: " + e.getMessage(), e);
        }
    }

    private Object readBody(Object body, String what) {
        try {
            if (body instanceof String text) {
                return mapper.readValue(text, Object.class);
            }
            if (body instanceof byte[] bytes) {
                return mapper.readValue(bytes, Object.class);
            }
            return mapper.readValue((InputStream) body, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " got a body that is not valid JSON: "
                                               + (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage()
                                                       : e.getMessage()), e);
        }
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Could not write the request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON answer that must be there: an empty body or malformed JSON is an error, not an empty result. */
    public Object answer(HaloRequest request, HaloHttpResponse response) throws HaloPsaException {
        if (!response.hasBody() || isBlank(response.body())) {
            throw unexpected(request, response, "an empty body where JSON was expected", null);
        }
        try {
            return mapper.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw unexpected(request, response, "a body that is not valid JSON", HaloErrorMessage.of(response, mapper), e);
        }
    }

    /**
     * Whether a body holds nothing but JSON whitespace; looks at the bytes so that a large answer is not decoded to
     * text just to find its first character.
     */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** An answer that must be one record. */
    public Map<String, Object> recordAnswer(HaloRequest request, HaloHttpResponse response) throws HaloPsaException {
        return oneRecord(answer(request, response), request, response);
    }

    /** An answer already read that must be one record. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> oneRecord(Object answer, HaloRequest request, HaloHttpResponse response)
            throws HaloPsaException {
        if (answer instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (answer instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw unexpected(request, response, "JSON that is not one record", HaloErrorMessage.of(response, mapper));
    }

    public static HaloPsaException unexpected(HaloRequest request, HaloHttpResponse response, String what, String excerpt) {
        return unexpected(request, response, what, excerpt, null);
    }

    private static HaloPsaException unexpected(HaloRequest request, HaloHttpResponse response, String what,
                                               String excerpt, Exception cause) {
        String message = "HaloPSA answered " + response.status() + " to " + request.describe() + " with " + what
                         + (excerpt == null ? "" : ": " + excerpt);
        return new HaloPsaException(message, response.status(), response.reason(), request.describe(), excerpt, cause);
    }
}
