package io.github.camelhalopsa.sandbox;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link HaloSandbox} for JUnit 5 tests. In a static field it runs once for the test class, in an instance field
 * once per test; test and lifecycle methods can take the {@link HaloSandbox} as a parameter.
 *
 * <pre>
 * &#64;RegisterExtension
 * static HaloSandboxExtension halo = HaloSandboxExtension.create().resetBeforeEachTest();
 *
 * &#64;Test
 * void assignsTheTeam() {
 *     ... halo.sandbox().data().get(SandboxCollection.ticket, 9) ...
 * }
 * </pre>
 *
 * {@code @ExtendWith(HaloSandboxExtension.class)} works too, with the default options.
 */
public class HaloSandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private final Supplier<SandboxOptions> options;
    private boolean resetBeforeEachTest;
    private HaloSandbox sandbox;
    private boolean perClass;

    /** For {@code @ExtendWith}: default options. */
    public HaloSandboxExtension() {
        this(SandboxOptions::defaults);
    }

    private HaloSandboxExtension(Supplier<SandboxOptions> options) {
        this.options = options;
    }

    public static HaloSandboxExtension create() {
        return new HaloSandboxExtension();
    }

    public static HaloSandboxExtension withOptions(SandboxOptions options) {
        return new HaloSandboxExtension(() -> options);
    }

    /** Puts the sandbox back to its starting state before each test ({@link HaloSandbox#reset()}). */
    public HaloSandboxExtension resetBeforeEachTest() {
        this.resetBeforeEachTest = true;
        return this;
    }

    /** The running sandbox. */
    public HaloSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("The HaloPSA sandbox runs only while a test runs: register the extension "
                                            + "with @RegisterExtension or @ExtendWith");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        sandbox = HaloSandbox.start(options.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (sandbox == null) {
            sandbox = HaloSandbox.start(options.get());
        } else if (resetBeforeEachTest) {
            sandbox.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (sandbox != null) {
            sandbox.stop();
            sandbox = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HaloSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (sandbox == null) {
            sandbox = HaloSandbox.start(options.get());
        }
        return sandbox;
    }
}
