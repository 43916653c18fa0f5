package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StartReminder;
import io.relaycast.domain.model.stream.StartReminderRepository;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

@ApplicationScoped
public class JpaStartReminderRepository implements StartReminderRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    /** The primary key decides between two servers claiming at once. */
    @Override
    public boolean claim(StartReminder reminder) {
        try {
            em.persist(reminder);
            em.flush();
            return true;
        } catch (PersistenceException sentAlready) {
            return false;
        }
    }

    @Override
    public void release(StreamId streamId) {
        StartReminder sent = em.find(StartReminder.class, streamId.value());
        if (sent != null) {
            em.remove(sent);
        }
    }
}
