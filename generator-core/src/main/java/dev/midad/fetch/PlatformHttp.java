package dev.midad.fetch;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET requests to platforms whose answers are treated as hostile: https only (plain http only between loopback
 * addresses, as tests serve), at most {@link #MAX_REDIRECTS} redirects, each checked like the first, a time
 * limit on the whole exchange (a server that trickles its body is cut off too), a size limit counted while
 * reading, and only the media types the caller expects.
 */
final class PlatformHttp {
    static final int MAX_REDIRECTS = 3;

    /** An answer that passed the checks. */
    record Answer(URI uri, String mediaType, Charset charset, byte[] body) {
        String text() {
            return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
        }
    }

    /** Why a request gave nothing usable, in words for the editor. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    PlatformHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, each hop checked
                .connectTimeout(timeout)
                .build();
    }

    /**
     * @param types    the media types accepted (without parameters), in the order messages name them
     * @param maxBytes the largest body accepted
     */
    Answer get(URI uri, List<String> types, int maxBytes) throws Refused {
        URI current = uri;
        URI previous = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            allowed(current, previous);
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(timeout)
                    .header("Accept", String.join(", ", types))
                    .header("User-Agent", "Midad (static site generator; embeds fetch)")
                    .GET()
                    .build();
            HttpResponse<byte[]> response = send(request, maxBytes);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse("");
                if (location.isEmpty()) {
                    throw new Refused(current + " redirected without saying where");
                }
                previous = current;
                try {
                    current = current.resolve(location);
                } catch (IllegalArgumentException e) {
                    throw new Refused(current + " redirected to an address that is not one: " + shorten(location));
                }
                continue;
            }
            if (status == 401 || status == 403) {
                throw new Refused(current.getHost() + " refused (HTTP " + status
                        + "): the post is private, its owner does not allow embedding, or the platform wants a login");
            }
            if (status == 404 || status == 410) {
                throw new Refused(current.getHost() + " knows no such post (HTTP " + status
                        + "): deleted, private, or the address is mistyped");
            }
            if (status != 200) {
                throw new Refused(current.getHost() + " answered HTTP " + status);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!types.contains(mediaType)) {
                throw new Refused(current.getHost() + " answered with '" + shorten(contentType) + "', not "
                        + String.join(" or ", types));
            }
            return new Answer(current, mediaType, charset(contentType), response.body());
        }
        throw new Refused(uri + " redirected more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<byte[]> send(HttpRequest request, int maxBytes) throws Refused {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Refused(
                    request.uri().getHost() + " gave no complete answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new Refused(request.uri().getHost() + " answered with more than " + (maxBytes >> 10)
                        + " KiB, more than a post's data can be");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new Refused(request.uri().getHost() + " did not answer within " + timeout.toSeconds() + " s");
            }
            throw new Refused("cannot reach " + request.uri().getHost() + " ("
                    + (cause == null || cause.getMessage() == null
                            ? String.valueOf(cause)
                            : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    + ")");
        }
    }

    /** https, or plain http from loopback to loopback; never from elsewhere into this machine. */
    private static void allowed(URI uri, URI previous) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = isLoopback(uri);
        if (loopback && previous != null && !isLoopback(previous)) {
            throw new Refused(previous.getHost() + " redirected into this machine (" + uri.getHost() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("an address with a user name is not followed: " + shorten(uri.toString()));
        }
        if (!(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new Refused("only https addresses are followed, not " + shorten(uri.toString()));
        }
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null || !(host.matches("[0-9.]+") || host.startsWith("["))) {
            return false; // a name is not resolved here: only literal loopback addresses count
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static String shorten(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** The body, read until it passes {@code max} bytes: then the exchange is cancelled. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int max;
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : items) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
