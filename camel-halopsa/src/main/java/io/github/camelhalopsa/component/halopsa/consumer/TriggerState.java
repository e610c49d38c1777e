package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelException;

/**
 * What a trigger has delivered, kept in the state repository between polls and across restarts.
 */
public interface TriggerState {

    /** Records a record whose exchange completed, so that no later poll delivers it again. */
    void handled(Map<String, Object> record) throws CamelException;

    /** The state as one line of JSON, for the state repository: a value cut short by a crash does not parse. */
    String format(ObjectMapper mapper);
}
