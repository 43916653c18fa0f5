package io.relaycast.interfaces.rest;

import io.relaycast.application.recording.MediaFile;
import io.relaycast.interfaces.rest.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Files with HTTP Range support (206 Partial Content), which video players need to seek. */
final class FileResponses {

    private FileResponses() {
    }

    static Response ranged(MediaFile file, String mediaType, String rangeHeader, UriInfo uriInfo) throws IOException {
        long size = file.size();
        ByteRange range;
        try {
            range = ByteRange.parse(rangeHeader, size);
        } catch (ByteRange.Unsatisfiable e) {
            return Problems.builder(416, e.getMessage(), uriInfo).header("Content-Range", "bytes */" + size).build();
        }
        long start = range == null ? 0 : range.start();
        long length = range == null ? size : range.length();
        Response.ResponseBuilder b = Response.status(range == null ? 200 : 206)
                .type(mediaType)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", length)
                .entity(copy(file, start, length));
        if (range != null) {
            b.header("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        return b.build();
    }

    private static StreamingOutput copy(MediaFile file, long start, long length) {
        return (OutputStream out) -> {
            try (InputStream in = file.openAt(start)) {
                byte[] buf = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        };
    }
}
