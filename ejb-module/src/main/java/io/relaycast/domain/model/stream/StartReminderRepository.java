package io.relaycast.domain.model.stream;

public interface StartReminderRepository {

    /** Records the reminder now; false when it was sent already (also by another server at the same moment). */
    boolean claim(StartReminder reminder);

    /** Forgets a stream's reminder: a rescheduled stream is announced again before its new time. */
    void release(StreamId streamId);
}
