package io.relaycast.services;

import io.relaycast.domain.model.stream.StreamId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.chat.ChatAuthor;
import io.relaycast.application.chat.ChatService;
import io.relaycast.application.stream.CreatedStream;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.NewStream;
import io.relaycast.application.stream.StreamStats;
import io.relaycast.application.viewer.ViewerAdmission;
import io.relaycast.application.viewer.ViewerService;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.NotStreamOwnerException;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.viewer.ViewerRepository;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import javax.naming.InitialContext;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application services inside a real Liberty with real JPA (EclipseLink) on an H2 file
 * database: the same classes and persistence.xml the EAR ships.
 */
@ExtendWith(ArquillianExtension.class)
class LivestreamServicesIT {

    /** The AWS SDK's S3 client and what it needs (object storage: STORAGE_URL). */
    private static final String[] AWS_SDK = {"annotations", "arns", "auth", "aws-core", "aws-query-protocol",
        "aws-xml-protocol", "checksums", "checksums-spi", "crt-core", "endpoints-spi", "eventstream", "http-auth",
        "http-auth-aws", "http-auth-aws-eventstream", "http-auth-spi", "http-client-spi", "identity-spi", "json-utils",
        "metrics-spi", "profiles", "protocol-core", "reactive-streams", "regions", "retries", "retries-spi", "s3",
        "sdk-core", "third-party-jackson-core", "url-connection-client", "utils", "utils-lite"};

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "services-it.war")
                .addPackages(true, "io.relaycast.domain", "io.relaycast.application", "io.relaycast.infrastructure")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/orm.xml")
                .addAsResource("META-INF/sql/create-schema.sql")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(libraries("jedis", "commons-pool2", "json", "gson", "error_prone_annotations",
                        "slf4j-api", "redis-authx-core", "httpclient5", "httpcore5", "httpcore5-h2"))
                .addAsLibraries(libraries(AWS_SDK));
    }

    /** The EJB module's own libraries (the Redis and HTTP clients and what they need), from the test class path, as the EAR's lib/ has them. */
    private static File[] libraries(String... artifacts) {
        List<File> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            String name = f.getName();
            for (String a : artifacts) {
                if (name.endsWith(".jar") && name.startsWith(a + "-") && Character.isDigit(name.charAt(a.length() + 1))) {
                    jars.add(f);
                }
            }
        }
        if (jars.size() < artifacts.length) {
            throw new IllegalStateException("libraries missing from the class path: " + jars);
        }
        return jars.toArray(File[]::new);
    }

    @Inject
    LivestreamService streams;

    @Inject
    ViewerService viewers;

    @Inject
    ChatService chat;

    @Inject
    ViewerRepository viewerRows;

    @Inject
    LivestreamRepository streamRows;

    private static String owner() {
        return "owner-" + System.nanoTime();
    }

    @Test
    void lifecycleIsPersistedAndEnforced() {
        String owner = owner();
        CreatedStream created = streams.create(owner, new NewStream("Persisted", "d", true, null));
        assertEquals(StreamStatus.SCHEDULED, streams.find(created.streamId()).stream().getStatus());
        assertEquals(created.streamKey(), streams.find(created.streamId()).stream().getStreamKey());

        assertThrows(NotStreamOwnerException.class, () -> streams.start(created.streamId(), "someone-else"));
        assertThrows(StreamStateException.class, () -> streams.end(created.streamId(), owner, null));
        streams.start(created.streamId(), owner);
        assertEquals(StreamStatus.LIVE, streams.find(created.streamId()).stream().getStatus());
        assertThrows(StreamStateException.class, () -> streams.start(created.streamId(), owner));
        assertThrows(StreamNotFoundException.class, () -> streams.start(StreamId.of("missing"), owner));

        assertTrue(streams.live(null, new PageRequest(200, 0)).stream()
                .anyMatch(s -> s.stream().getId().equals(created.streamId())));
        assertEquals(1, streams.byOwner(owner, new PageRequest(10, 0)).size());

        streams.end(created.streamId(), owner, "/rec/x.webm");
        assertEquals(StreamStatus.ENDED, streams.find(created.streamId()).stream().getStatus());
        assertEquals("/rec/x.webm", streams.find(created.streamId()).stream().getRecordingUrl());
    }

    @Test
    void peakIsTheMostViewersOpenAtOnceAndEndClosesEveryViewerRow() {
        String owner = owner();
        StreamId id = streams.create(owner, new NewStream("Peak", null, false, null)).streamId();
        streams.start(id, owner);

        ViewerAdmission a = viewers.join(id, null);
        ViewerAdmission b = viewers.join(id, "carol");
        ViewerAdmission c = viewers.join(id, null);
        viewers.leave(id, a.viewerId());
        viewers.leave(id, b.viewerId());
        viewers.join(id, null);
        assertEquals(3, streams.find(id).stream().getViewerCountPeak());
        assertEquals(2, streams.find(id).currentViewers());
        assertNotNull(viewerRows.find(a.viewerId()).orElseThrow().getLeftAt());
        assertEquals("carol", viewerRows.find(b.viewerId()).orElseThrow().getUserId());
        assertNull(viewerRows.find(c.viewerId()).orElseThrow().getLeftAt());
        assertThrows(StreamNotFoundException.class, () -> viewers.leave(id, "not-a-viewer"));

        streams.end(id, owner, null);
        assertTrue(viewerRows.watchIntervals(id).stream().allMatch(i -> i.leftAt() != null),
                "end sets left_at on every open row");
        StreamStats stats = streams.stats(id);
        assertEquals(0, stats.currentViewers());
        assertEquals(4, stats.totalViewers());
        assertEquals(3, stats.peakViewers());
        assertThrows(StreamStateException.class, () -> viewers.join(id, null));
    }

    @Test
    void concurrentJoinsCountThePeakExactly() throws Exception {
        String owner = owner();
        StreamId id = streams.create(owner, new NewStream("Crowd", null, false, null)).streamId();
        streams.start(id, owner);
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> joins = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                joins.add(() -> viewers.join(id, null).viewerId());
            }
            for (Future<String> f : pool.invokeAll(joins)) {
                assertNotNull(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(n, streams.find(id).currentViewers());
        assertEquals(n, streams.find(id).stream().getViewerCountPeak());
    }

    @Test
    void aBatchLockHoldsItsStreamRowsUntilItsTransactionEnds() throws Exception {
        String owner = owner();
        StreamId a = streams.create(owner, new NewStream("Lock A", null, false, null)).streamId();
        StreamId b = streams.create(owner, new NewStream("Lock B", null, false, null)).streamId();
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        tx.begin();
        Future<Long> second;
        try {
            assertEquals(List.of(a, b).stream().sorted().toList(),
                    streamRows.findForUpdate(List.of(b, a)).stream().map(Livestream::getId).toList(), "in id order");
            second = executor.submit(() -> {
                tx.begin();
                try {
                    long t0 = System.nanoTime();
                    streamRows.findForUpdate(b);
                    return (System.nanoTime() - t0) / 1_000_000;
                } finally {
                    tx.rollback();
                }
            });
            Thread.sleep(300);
            assertFalse(second.isDone(), "another transaction waits for the row");
        } finally {
            tx.commit();
        }
        assertTrue(second.get(10, TimeUnit.SECONDS) >= 250, "it got the row only after the commit");
    }

    private static final ChatAuthor CAROL = new ChatAuthor("carol", "Carol", true, false);

    @Test
    void chatIsValidatedStoredAndReadBackChronologically() {
        String owner = owner();
        StreamId id = streams.create(owner, new NewStream("Chat", null, false, null)).streamId();
        assertThrows(StreamStateException.class, () -> chat.post(id, CAROL, "early"));
        streams.start(id, owner);
        for (int i = 1; i <= 5; i++) {
            chat.post(id, CAROL, "message " + i);
        }
        assertThrows(InvalidInputException.class, () -> chat.post(id, CAROL, " "));
        assertThrows(InvalidInputException.class, () -> chat.post(id, CAROL, "x".repeat(501)));

        List<ChatMessage> latest3 = chat.history(id, new PageRequest(3, 0));
        assertEquals(List.of("message 3", "message 4", "message 5"), latest3.stream().map(ChatMessage::getMessage).toList());
        List<ChatMessage> older = chat.history(id, new PageRequest(3, 3));
        assertEquals(List.of("message 1", "message 2"), older.stream().map(ChatMessage::getMessage).toList());
        assertEquals("Carol", latest3.get(0).getDisplayName());
        assertEquals(5, streams.stats(id).chatMessages());
    }

    @Test
    void likesAccumulateOnlyWhileLive() {
        String owner = owner();
        StreamId id = streams.create(owner, new NewStream("Likes", null, false, null)).streamId();
        assertThrows(StreamStateException.class, () -> streams.like(id, "carol"));
        streams.start(id, owner);
        assertEquals(1, streams.like(id, "carol"));
        assertEquals(2, streams.like(id, "bob"));
        assertEquals(2, streams.stats(id).likes());
    }
}
