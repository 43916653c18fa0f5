package io.relaycast.interfaces.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** A request whose body (sent without a Content-Length) ends in an error after {@code max} bytes. */
final class CappedRequest extends HttpServletRequestWrapper {

    /** Thrown by the body stream once the cap is passed; JAX-RS reports it as an unreadable body. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("The body may be at most " + max + " bytes.");
        }
    }

    private final long max;
    private ServletInputStream capped;

    CappedRequest(HttpServletRequest request, long max) {
        super(request);
        this.max = max;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (capped == null) {
            ServletInputStream in = super.getInputStream();
            capped = new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, (int) Math.min(len, max - read + 1));
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws TooLarge {
                    read += n;
                    if (read > max) {
                        throw new TooLarge(max);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
        return capped;
    }
}
