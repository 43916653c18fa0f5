/** Moderated Q&A: viewers ask and upvote, staff approve, dismiss and answer; the room sees it live. */
package io.relaycast.application.question;
