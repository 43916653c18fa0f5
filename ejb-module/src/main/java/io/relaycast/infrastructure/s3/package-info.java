/**
 * Object storage for recordings, chunks and thumbnails in an S3-compatible store (AWS S3, MinIO,
 * Ceph; STORAGE_URL=s3://…), through the AWS SDK.
 */
package io.relaycast.infrastructure.s3;
