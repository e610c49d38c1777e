/**
 * Halo's answer shapes, shared by the producer and the consumer: JSON reading and writing ({@code HaloJson}), the two
 * list shapes ({@code RecordList}), page walking ({@code ListPages}, {@code ListFetcher}, the streamed
 * {@code PagedRecordIterator}), query parameters, record ids and report rows.
 * <p>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release.
 */
package io.github.camelhalopsa.component.halopsa.records;
