/**
 * MicroProfile Health checks: liveness, database, cluster and SFU readiness.
 */
package io.relaycast.interfaces.health;
