package io.relaycast.interfaces.web;

import io.relaycast.application.access.WatchPolicy;
import io.relaycast.interfaces.security.Watchers;
import jakarta.servlet.http.HttpServletRequest;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** /profile/{user}: a broadcaster's past and coming streams, with links to watch or to the recording. */
@Named
@RequestScoped
public class ProfilePage {

    /** One line of the list; only public fields of the stream. */
    public record Entry(String title, String href, String status, boolean recorded, String when) {
    }

    @Inject
    LivestreamService streams;

    @Inject
    WatchPolicy policy;

    @Inject
    Watchers watchers;

    private List<Entry> entries;

    public String getUserId() {
        Object id = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestMap().get(PagePathFilter.PATH_ID);
        return id == null ? "" : id.toString();
    }

    public List<Entry> getStreams() {
        if (entries == null) {
            HttpServletRequest req = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest();
            // what the visitor may not watch is not listed (a restricted all-hands is not advertised)
            entries = policy.visible(streams.byOwner(getUserId(), new PageRequest(PageRequest.MAX_LIMIT, 0)),
                            StreamSnapshot::stream, watchers.of(req)).stream()
                    .map(StreamSnapshot::stream)
                    .map(ProfilePage::entry)
                    .toList();
        }
        return entries;
    }

    private static Entry entry(Livestream s) {
        String id = URLEncoder.encode(s.getId().value(), StandardCharsets.UTF_8);
        String href = switch (s.getStatus()) {
            case ENDED -> "/vod/" + id;
            case LIVE, SCHEDULED, CANCELLED -> "/watch/" + id;
        };
        var when = s.getStartedAt() != null ? s.getStartedAt()
                : s.getScheduledAt() != null ? s.getScheduledAt() : s.getCreatedAt();
        return new Entry(s.getTitle(), href, s.getStatus().wireName(), s.getRecordingUrl() != null,
                PageTime.format(when));
    }
}
