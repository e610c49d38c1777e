package io.github.camelhalopsa.component.halopsa.connection;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Reads an answer's body into one array. Halo sends a Content-Length, so the array is allocated once at its final
 * size and filled straight from the socket; EntityUtils reads through a scratch buffer into a buffer of the body's
 * size and then copies that into the array it returns: two body-sized allocations and two copies per answer.
 */
final class ResponseBody {

    private static final byte[] EMPTY = new byte[0];

    private ResponseBody() {
    }

    static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return EMPTY;
        }
        long length = entity.getContentLength();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            return EntityUtils.toByteArray(entity); // chunked: the length is not known up front
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return EMPTY;
            }
            byte[] body = new byte[(int) length];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                throw new IOException("HaloPSA's answer ended after " + read + " of the " + length
                                      + " bytes it announced");
            }
            return body;
        }
    }
}
