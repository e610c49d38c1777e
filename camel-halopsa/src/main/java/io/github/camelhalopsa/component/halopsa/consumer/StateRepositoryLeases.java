package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Starts and stops the state repositories New Ticket Record consumers are given, so users can bind one as a plain
 * bean. One repository may serve several consumers: it is started by the first that needs it (unless someone else
 * already started it) and stopped when the last of them stops. Camel's FileStateRepository clears its cache on stop,
 * so stopping it under a consumer that still writes to it would later drop that consumer's entry from the file.
 * <p>
 * Two consumers writing the same key of one repository would overwrite each other's watermark; that is refused.
 */
public final class StateRepositoryLeases {

    private static final class Lease {
        final Set<String> keys = new HashSet<>();
        boolean startedHere;
    }

    private final Map<StateRepository<String, String>, Lease> leases = new IdentityHashMap<>();

    public synchronized void acquire(StateRepository<String, String> repository, String key, CamelContext context) {
        Lease lease = leases.get(repository);
        if (lease != null && lease.keys.contains(key)) {
            throw new IllegalStateException("Two New Ticket Record consumers keep their watermark under the key '" + key
                                            + "' of the same state repository, and would overwrite each other's. Give "
                                            + "one of them its own stateKey option");
        }
        if (lease == null) {
            lease = new Lease();
            if (repository instanceof ServiceSupport service && !service.isStarted() && !service.isStarting()) {
                CamelContextAware.trySetCamelContext(repository, context);
                ServiceHelper.startService(repository);
                lease.startedHere = true;
            }
            leases.put(repository, lease);
        }
        lease.keys.add(key);
    }

    public synchronized void release(StateRepository<String, String> repository, String key) {
        Lease lease = leases.get(repository);
        if (lease == null || !lease.keys.remove(key) || !lease.keys.isEmpty()) {
            return;
        }
        leases.remove(repository);
        if (lease.startedHere) {
            ServiceHelper.stopService(repository);
        }
    }
}
