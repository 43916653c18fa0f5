/**
 * The clock the application uses.
 */
package io.relaycast.infrastructure.time;
