package io.relaycast.infrastructure.storage;

import io.relaycast.application.recording.MediaStorage;
import io.relaycast.infrastructure.s3.S3MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one place where local disk and object storage differ: STORAGE_URL=s3://… chooses the store. */
@ApplicationScoped
public class MediaStorageChoice {

    @Inject
    @ConfigProperty(name = "storage.url")
    Optional<String> url;

    @Produces
    @ApplicationScoped
    MediaStorage storage(Instance<LocalMediaStorage> local, Instance<S3MediaStorage> objects) {
        return url.filter(u -> !u.isBlank()).isPresent() ? objects.get() : local.get();
    }
}
