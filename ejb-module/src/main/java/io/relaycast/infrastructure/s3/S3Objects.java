package io.relaycast.infrastructure.s3;

import io.relaycast.application.recording.MediaFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 calls the media storage needs, on one bucket (created if it is missing), with SDK
 * failures turned into {@link IOException}s the storage port already speaks. Path-style requests,
 * so that MinIO, Ceph and s3proxy endpoints work as AWS does.
 */
final class S3Objects implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3Objects.class.getName());

    private final S3Client s3;
    private final S3Location at;

    S3Objects(S3Location at, Optional<String> accessKey, Optional<String> secretKey) {
        this.at = at;
        // Checksums only where S3 requires them, and no aws-chunked uploads: what stores other than
        // AWS (MinIO, Ceph, s3proxy) take; the SDK's newer defaults send trailing checksums they refuse.
        S3ClientBuilder b = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(at.region())).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(accessKey.isPresent() && secretKey.isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                        : DefaultCredentialsProvider.builder().build());
        at.endpoint().ifPresent(b::endpointOverride);
        s3 = b.build();
        try {
            s3.headBucket(r -> r.bucket(at.bucket()));
        } catch (NoSuchBucketException missing) {
            createBucket();
        } catch (SdkException e) {
            LOG.warning(() -> "Object storage " + at.bucket() + " not reachable yet: " + e.getMessage());
        }
    }

    /** A missing bucket is made (outside us-east-1 AWS wants its region named); a refusal is logged, not fatal. */
    private void createBucket() {
        try {
            s3.createBucket(r -> {
                r.bucket(at.bucket());
                if (!"us-east-1".equals(at.region())) {
                    r.createBucketConfiguration(c -> c.locationConstraint(at.region()));
                }
            });
            LOG.info(() -> "Created bucket " + at.bucket());
        } catch (SdkException e) {
            LOG.warning(() -> "Bucket " + at.bucket() + " is missing and could not be created: " + e.getMessage());
        }
    }

    void put(String name, RequestBody body, String contentType) throws IOException {
        call(() -> s3.putObject(r -> r.bucket(at.bucket()).key(at.key(name)).contentType(contentType), body));
    }

    Optional<Long> size(String name) throws IOException {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(at.bucket()).key(at.key(name))).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("object storage: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("object storage: " + e.getMessage(), e);
        }
    }

    /** Every object under the prefix, the names relative to the location's own prefix. */
    Stream<S3Object> list(String namePrefix) throws IOException {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(at.bucket()).prefix(at.key(namePrefix))).contents().stream()
                    .map(o -> o.toBuilder().key(o.key().substring(at.prefix().length())).build())
                    .toList().stream();
        } catch (SdkException e) {
            throw new IOException("object storage: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the objects, a thousand per request; a store without multi-object delete (s3proxy
     * answers 501 to the checksum header that request needs) gets them one by one.
     */
    void deleteAll(List<String> names) throws IOException {
        for (int from = 0; from < names.size(); from += 1000) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + 1000));
            List<ObjectIdentifier> ids = batch.stream().map(n -> ObjectIdentifier.builder().key(at.key(n)).build()).toList();
            try {
                s3.deleteObjects(r -> r.bucket(at.bucket()).delete(Delete.builder().objects(ids).build()));
            } catch (S3Exception e) {
                if (e.statusCode() != 501) {
                    throw new IOException("object storage: " + e.getMessage(), e);
                }
                for (String name : batch) {
                    call(() -> s3.deleteObject(r -> r.bucket(at.bucket()).key(at.key(name))));
                }
            } catch (SdkException e) {
                throw new IOException("object storage: " + e.getMessage(), e);
            }
        }
    }

    InputStream openAt(String name, long offset) throws IOException {
        try {
            return s3.getObject(r -> r.bucket(at.bucket()).key(at.key(name)).range(offset > 0 ? "bytes=" + offset + "-" : null));
        } catch (SdkException e) {
            throw new IOException("object storage: " + e.getMessage(), e);
        }
    }

    /** The object as a served file (its size now; read with ranges), or empty when there is none. */
    Optional<MediaFile> file(String name) {
        try {
            return size(name).map(size -> new MediaFile() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public InputStream openAt(long offset) throws IOException {
                    return S3Objects.this.openAt(name, offset);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface S3Call {
        void run();
    }

    private static void call(S3Call call) throws IOException {
        try {
            call.run();
        } catch (SdkException e) {
            throw new IOException("object storage: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
