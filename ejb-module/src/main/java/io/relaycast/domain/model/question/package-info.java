/** Moderated Q&A: viewers' questions, their upvotes, the states moderators move them through, and the stream's Q&A settings. */
package io.relaycast.domain.model.question;
