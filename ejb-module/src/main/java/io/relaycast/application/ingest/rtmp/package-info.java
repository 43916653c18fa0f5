/**
 * RTMP encoders (OBS, vMix, hardware): the RTMP server (nginx-rtmp) asks here whether a key may
 * publish, its bridge (ffmpeg) asks where in the SFU to send the media, and it says when the encoder stopped.
 */
package io.relaycast.application.ingest.rtmp;
