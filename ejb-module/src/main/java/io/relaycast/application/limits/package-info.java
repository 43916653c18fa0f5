/**
 * Rate limits: join limits per address, per-user chat and like limits, sign-in attempts, and the
 * token buckets they use (local or shared on a cluster).
 */
package io.relaycast.application.limits;
