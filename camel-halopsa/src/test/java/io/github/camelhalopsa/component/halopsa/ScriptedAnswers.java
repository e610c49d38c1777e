package io.github.camelhalopsa.component.halopsa;

import java.util.function.Function;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Lets a test answer requests with code, for a fake whose answers change as the test goes (a ticket list that grows
 * while it is polled). Stubs that name {@link #NAME} as their transformer are answered by the function given to
 * {@link #use}.
 */
public final class ScriptedAnswers implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "scripted-answers";

    private static volatile Function<LoggedRequest, ResponseDefinition> script;

    public static void use(Function<LoggedRequest, ResponseDefinition> answers) {
        script = answers;
    }

    public static void clear() {
        script = null;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Function<LoggedRequest, ResponseDefinition> answers = script;
        if (answers == null) {
            return new ResponseDefinition(500, "no scripted answer installed");
        }
        return answers.apply(serveEvent.getRequest());
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
