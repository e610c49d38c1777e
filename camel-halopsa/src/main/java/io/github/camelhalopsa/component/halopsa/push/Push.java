package io.github.camelhalopsa.component.halopsa.push;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a trigger consumer holds for push: it registers the webhook, starts the listener and the wake-up thread, and
 * stops them. Every poll, scheduled or woken, runs through {@link #runExclusively}, so that two never overlap. With
 * push off it does nothing and costs nothing.
 */
public final class Push {

    private static final Logger LOG = LoggerFactory.getLogger(Push.class);

    private final HaloPsaEndpoint endpoint;
    private final Object executorSource;
    private final PushSettings settings;
    private final Runnable poll;
    private final ReentrantLock pollLock = new ReentrantLock();
    private ExecutorService executor;
    private PushListener listener;
    private volatile WakeUps wakeUps;

    private Push(HaloPsaEndpoint endpoint, Object executorSource, PushSettings settings, Runnable poll) {
        this.endpoint = endpoint;
        this.executorSource = executorSource;
        this.settings = settings;
        this.poll = poll;
    }

    /**
     * @param consumer the trigger consumer, which names the wake-up thread
     * @param kind     the trigger kind ("new", "updated")
     * @param stateKey the trigger's state key, from which the webhook's default name is made
     * @param poll     one poll of the trigger, the same the scheduler runs
     */
    public static Push of(HaloPsaEndpoint endpoint, Object consumer, String kind, String stateKey, Runnable poll) {
        PushSettings settings = PushSettings.of(endpoint.getConfiguration(), endpoint.getEntity(), kind, stateKey);
        return new Push(endpoint, consumer, settings, poll);
    }

    public boolean isOn() {
        return settings.isOn();
    }

    /** Registers the webhook when asked to, then listens. A registration that fails is logged, and push goes on. */
    public void start() throws Exception {
        if (!settings.isOn()) {
            return;
        }
        if (settings.registration() != null) {
            register();
        }
        CamelContext context = endpoint.getCamelContext();
        executor = context.getExecutorServiceManager().newSingleThreadExecutor(executorSource, "HaloPsaWakeUp");
        wakeUps = new WakeUps(executor, pollLock, poll);
        listener = new PushListener(context, settings.path(), settings.credentials(), this::wakeUp);
        try {
            listener.start();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    private void register() {
        try {
            new WebhookRegistration(endpoint.getConnection(), endpoint.getComponent().getJson())
                    .register(settings.registration());
        } catch (Exception e) {
            // the listener and the scheduled poll work without it; the next start tries again
            LOG.warn("Could not create or update the HaloPSA {}: {}. The trigger listens on {} all the same, and its "
                     + "scheduled poll goes on; set the webhook up in HaloPSA by hand, or fix the cause and restart",
                    settings.registration(), e.getMessage(), settings.path());
        }
    }

    /** Stops listening, then lets a wake-up poll that is running finish. */
    public void stop() {
        wakeUps = null;
        if (listener != null) {
            listener.stop();
            listener = null;
        }
        if (executor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
    }

    /** Makes the trigger poll as soon as no other poll runs; returns at once. */
    public void wakeUp() {
        WakeUps current = wakeUps;
        if (current != null) {
            current.wakeUp();
        }
    }

    /** Runs one poll while no other runs. */
    public void runExclusively(Runnable poll) {
        if (!settings.isOn()) {
            poll.run();
            return;
        }
        pollLock.lock();
        try {
            poll.run();
        } finally {
            pollLock.unlock();
        }
    }
}
