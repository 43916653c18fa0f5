/** Reactions (👍 ❤️ 😂 👏 🎉 😮): the fixed set, and their counts per short window kept for the timeline and report. */
package io.relaycast.domain.model.reaction;
