package io.github.camelhalopsa.component.halopsa.springboot;

import java.util.Set;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns the property value {@code #name} or {@code #bean:name} into the {@link HaloPsaConfiguration} bean of that name,
 * the reference syntax Camel uses for object options. A value without the {@code #} is refused, naming the property.
 */
public class HaloPsaConfigurationReferenceConverter implements GenericConverter {

    private final BeanFactory beans;

    public HaloPsaConfigurationReferenceConverter(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, HaloPsaConfiguration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException(HaloPsaComponentConfiguration.PREFIX + ".configuration takes a reference "
                                               + "to a HaloPsaConfiguration bean, written #name or #bean:name; got '"
                                               + reference + "'");
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return beans.getBean(name, HaloPsaConfiguration.class);
    }
}
