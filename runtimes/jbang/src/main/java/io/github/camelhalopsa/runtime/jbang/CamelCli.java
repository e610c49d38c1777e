package io.github.camelhalopsa.runtime.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command of camel-jbang, for machines without jbang or camel-launcher: camel-jbang-core's
 * CamelJBangMain has the commands but no main method of its own.
 */
public final class CamelCli {

    private CamelCli() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
