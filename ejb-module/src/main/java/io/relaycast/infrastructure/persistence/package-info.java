/**
 * JPA repositories (EclipseLink) with named queries.
 */
package io.relaycast.infrastructure.persistence;
