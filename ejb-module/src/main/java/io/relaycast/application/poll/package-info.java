/** Polls: staff draft, open and close them; signed-in viewers vote once; results reach the room live and the report after. */
package io.relaycast.application.poll;
