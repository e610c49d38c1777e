/**
 * The producer: {@code HaloPsaProducer} picks the operation and hands it to the class of its family
 * ({@code ListOperation}, {@code RecordOperations}, {@code ReportPreview}, {@code ApiRequest}); {@code MessageParameters}
 * reads the headers and options they share; {@code CustomFieldOperations} applies the custom field options to them.
 * <p>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release. Routes use the endpoint URI, {@code HaloPsaConstants} and the exceptions of the root package.
 */
package io.github.camelhalopsa.component.halopsa.producer;
