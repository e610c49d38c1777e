/**
 * One connection to one HaloPSA instance: the HTTP client, the OAuth2 client-credentials token, retries, the 429 gate
 * and the optional rolling-window limiter, the readiness check, and the reading of Halo's error answers. It knows
 * nothing of endpoints: the configuration builds its {@code ConnectionSettings}.
 * <p>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release.
 */
package io.github.camelhalopsa.component.halopsa.connection;
