package io.relaycast.domain.model.stream;

public interface StartReminderRepository {

    /** Records the reminder now; false when it was sent already (also by another server at the same moment). */
    boolean claim(StartReminder reminder);
}
