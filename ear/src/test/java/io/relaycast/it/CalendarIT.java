package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** A scheduled stream as a calendar entry, read back by a real iCalendar parser (ical4j). */
class CalendarIT {

    @Test
    void aScheduledStreamIsACalendarEventWithItsTimeTitleAndLink() throws Exception {
        Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String title = "Q4 all-hands; results, roadmap " + System.nanoTime();
        String id = Api.post("/api/livestream/create", Json.createObjectBuilder().add("title", title)
                .add("description", "Agenda:\nresults\nroadmap\nQ&A — with a long line ".repeat(4))
                .add("scheduledAt", at.toString()).build().toString(), Api.ALICE).expect(201).json()
                .getString("streamId");
        Api.Reply reply = Api.get("/api/livestream/" + id + "/calendar.ics");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/calendar"), reply.contentType());

        Calendar calendar = new CalendarBuilder().build(new StringReader(reply.body()));
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals(id + "@relaycast", event.getUid().orElseThrow().getValue());
        assertEquals(title, event.getSummary().getValue());
        assertEquals(at, Instant.from(event.getDateTimeStart().getDate()));
        assertTrue(event.getDescription().getValue().startsWith("Agenda:\nresults\n"), event.getDescription().getValue());
        assertTrue(event.getDescription().getValue().endsWith("/watch/" + id), event.getDescription().getValue());

        // a stream with no time to put in a calendar, and one the caller may not watch
        String unplanned = Api.createStream(Api.ALICE, "No time yet").getString("streamId");
        Api.get("/api/livestream/" + unplanned + "/calendar.ics").expectProblem(409);
        String restricted = Api.post("/api/livestream/create", "{\"title\":\"Board\",\"visibility\":\"restricted\","
                + "\"scheduledAt\":\"" + at + "\"}", Api.ALICE).expect(201).json().getString("streamId");
        Api.get("/api/livestream/" + restricted + "/calendar.ics", Api.DAVE).expectProblem(403);
    }
}
