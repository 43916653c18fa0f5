package io.relaycast.application.analytics;

import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection quality viewers' pages report over the socket ({@code stats}), the latest per
 * session, kept while the stream is live (in memory: it is a live view, not history).
 */
@ApplicationScoped
public class ViewerQuality {

    /** One viewer's latest report. Values a page could not measure are null. */
    public record Report(String peerId, String userId, String transport, Double rttMs, Double lossPercent,
                         Double bitrateKbps, Double framesPerSecond, Instant at) {
    }

    /** Averages over the viewers that reported each value; how many of them watch over HLS. */
    public record Summary(int reporting, int hls, Double rttMs, Double lossPercent, Double bitrateKbps,
                          Double framesPerSecond) {
    }

    private final Map<StreamId, Map<String, Report>> byStream = new ConcurrentHashMap<>();

    public void report(StreamId streamId, Report r) {
        byStream.computeIfAbsent(streamId, k -> new ConcurrentHashMap<>()).put(r.peerId(), r);
    }

    public void left(StreamId streamId, String peerId) {
        Map<String, Report> m = byStream.get(streamId);
        if (m != null) {
            m.remove(peerId);
        }
    }

    public void forget(StreamId streamId) {
        byStream.remove(streamId);
    }

    public List<Report> reports(StreamId streamId) {
        return List.copyOf(byStream.getOrDefault(streamId, Map.of()).values());
    }

    public Summary summary(StreamId streamId) {
        Collection<Report> all = reports(streamId);
        int hls = (int) all.stream().filter(r -> "hls".equals(r.transport())).count();
        return new Summary(all.size(), hls, avg(all.stream().map(Report::rttMs).toList()),
                avg(all.stream().map(Report::lossPercent).toList()), avg(all.stream().map(Report::bitrateKbps).toList()),
                avg(all.stream().map(Report::framesPerSecond).toList()));
    }

    private static Double avg(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : Math.round(sum / n * 10) / 10.0;
    }
}
