/** Reactions from the audience: checked and rate-limited per viewer, counted per short window, sent to the room as totals and kept. */
package io.relaycast.application.reaction;
