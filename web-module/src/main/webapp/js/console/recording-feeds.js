// The recording shows what viewers see and hear: camera or screen, and the microphone picked now.
// A MediaRecorder cannot change tracks, so where the browser can (MediaStreamTrackProcessor and
// MediaStreamTrackGenerator, Chromium) it records generated tracks that are fed the frames of
// whichever source is on air; elsewhere it records the camera stream it started with.

export class RecordingFeeds {
  constructor(devices) {
    this.devices = devices;
    this.feeds = null;
    this.note = '';
  }

  /** The stream for MediaRecorder. */
  start() {
    if (!('MediaStreamTrackProcessor' in window && 'MediaStreamTrackGenerator' in window)) {
      this.note = ' (camera only in this browser)';
      return this.devices.media;
    }
    this.feeds = {};
    for (const kind of ['video', 'audio']) {
      this.feeds[kind] = { generator: new MediaStreamTrackGenerator({ kind }) };
    }
    this.feed(this.devices.outgoing());
    return new MediaStream(Object.values(this.feeds).map((f) => f.generator));
  }

  /** Points the recording at this stream's tracks (called on every source or device change). */
  feed(stream) {
    if (!this.feeds) return;
    for (const [kind, feed] of Object.entries(this.feeds)) {
      const track = kind === 'video' ? stream.getVideoTracks()[0] : this.devices.microphoneTrack();
      if (!track || feed.original === track) continue;
      feed.original = track;
      // One switch after the other: the generator accepts a new pipe only once the last one let go.
      feed.switching = (feed.switching || Promise.resolve()).then(async () => {
        if (feed.abort) feed.abort.abort();
        await feed.piped;
        if (feed.source) feed.source.stop();
        if (feed.stopped) return;
        // A clone, so that ending the feed never stops the track the viewers receive.
        feed.source = track.clone();
        feed.abort = new AbortController();
        feed.piped = new MediaStreamTrackProcessor({ track: feed.source }).readable
          .pipeTo(feed.generator.writable, { signal: feed.abort.signal, preventAbort: true, preventClose: true })
          .catch(() => {}); // ends with the next switch
      });
    }
  }

  stop() {
    for (const feed of Object.values(this.feeds || {})) {
      feed.stopped = true;
      if (feed.abort) feed.abort.abort();
      if (feed.source) feed.source.stop();
      feed.generator.stop();
    }
    this.feeds = null;
  }
}
