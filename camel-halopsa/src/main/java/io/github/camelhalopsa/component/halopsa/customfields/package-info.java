/**
 * Custom fields by name or label: the definitions Halo's {@code /FieldInfo} lists, cached per instance, resolved
 * to ids, and Halo's array form of custom field values.
 * <p>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release.
 */
package io.github.camelhalopsa.component.halopsa.customfields;
