package io.relaycast.infrastructure.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3LocationTest {

    @Test
    void aMinioUrlHasItsEndpointRegionAndPrefix() {
        S3Location at = S3Location.parse("s3://media/relaycast/?endpoint=http%3A%2F%2Fminio%3A9000&region=eu-west-1");
        assertEquals("media", at.bucket());
        assertEquals("relaycast/", at.prefix());
        assertEquals(Optional.of(URI.create("http://minio:9000")), at.endpoint());
        assertEquals("eu-west-1", at.region());
        assertEquals("relaycast/x/recording.webm", at.key("x/recording.webm"));
    }

    @Test
    void awsItselfNeedsOnlyTheBucketAndABadUrlIsSaidSo() {
        S3Location aws = S3Location.parse("s3://acme-relaycast");
        assertEquals(Optional.empty(), aws.endpoint());
        assertEquals("us-east-1", aws.region());
        assertEquals("", aws.prefix());
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("http://bucket"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://b?endpoint=ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3:///no-bucket"));
    }
}
