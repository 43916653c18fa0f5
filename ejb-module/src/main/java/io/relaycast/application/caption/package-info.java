/**
 * Live captions: the owner, moderators, admins and the stream's captioners write them (the console's
 * captions box, or a CART service over REST); viewers get them live; final lines become the
 * recording's WebVTT. {@code Captioner} is the seam for automatic speech recognition.
 */
package io.relaycast.application.caption;
