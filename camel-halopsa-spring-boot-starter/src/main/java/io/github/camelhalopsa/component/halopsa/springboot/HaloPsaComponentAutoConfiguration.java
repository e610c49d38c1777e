package io.github.camelhalopsa.component.halopsa.springboot;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@code camel.component.halopsa.*} to the halopsa component the way Camel's own starters bind theirs: a
 * {@link ComponentCustomizer} copies the options the application set onto the component when Camel creates it.
 * {@code camel.component.halopsa.enabled=false} (or {@code camel.component.enabled=false}) turns the whole
 * auto-configuration off, {@code camel.component.halopsa.customizer.enabled=false} only the copying.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", HaloPsaComponentConfiguration.PREFIX })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, HaloPsaComponentConfiguration.class })
public class HaloPsaComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureHaloPsaComponent(CamelContext camelContext,
                                                         ApplicationContext applicationContext,
                                                         HaloPsaComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof HaloPsaComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               HaloPsaComponentConfiguration.PREFIX + ".customizer");
            }
        };
    }

    /** Lets camel.component.halopsa.configuration name a HaloPsaConfiguration bean (#name or #bean:name). */
    @Bean
    @ConfigurationPropertiesBinding
    public static HaloPsaConfigurationReferenceConverter haloPsaConfigurationReferenceConverter(BeanFactory beans) {
        return new HaloPsaConfigurationReferenceConverter(beans);
    }
}
