package io.github.camelhalopsa.component.halopsa;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the test logger (slf4j-simple, writing to System.err) prints while an action runs. */
public final class CapturedLog {

    /** An action that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private CapturedLog() {
    }

    /** Runs the action and returns what was logged meanwhile; the text is printed on as well, for the reports. */
    public static String of(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
