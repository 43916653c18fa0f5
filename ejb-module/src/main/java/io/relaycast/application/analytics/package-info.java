/**
 * A stream's timeline (viewers, chat, likes over time) and its viewers' connection quality, for the
 * console and the report.
 */
package io.relaycast.application.analytics;
