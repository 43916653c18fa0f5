// Recording: MediaRecorder chunks uploaded as they come, numbered, retried, idempotent on the
// server. Each MediaRecorder session is a segment (a reloaded page goes on in the next one).
import { api } from '../api.js';
import { RecordingFeeds } from './recording-feeds.js';

export class Recording {
  constructor({ streamId, status, devices }) {
    Object.assign(this, { streamId, statusEl: status, devices });
    this.feeds = new RecordingFeeds(devices);
    this.recorder = null;
    this.recorderStopped = null;
    this.uploads = Promise.resolve();
    this.segment = null;
    this.seq = 0;
    this.uploadedBytes = 0;
    this.uploadedChunks = 0;
    this.uploadFailures = 0;
    this.recorderError = null;
  }

  /** The recording follows this source (camera or screen, and the microphone chosen now). */
  feed(stream) {
    this.feeds.feed(stream);
  }

  async start() {
    this.segment = (await api('POST', `/api/livestream/${this.streamId}/recording/segments`)).segment;
    this.seq = 0;
    const type = ['video/webm;codecs=vp8,opus', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
    const recorder = new MediaRecorder(this.feeds.start(), type ? { mimeType: type } : undefined);
    this.recorder = recorder;
    this.recorderStopped = new Promise((resolve) => { recorder.onstop = resolve; });
    recorder.onerror = (e) => { // the browser stopped recording: say so instead of showing a frozen count
      this.failed(new Error((e.error && e.error.message) || 'the browser stopped recording'));
    };
    recorder.ondataavailable = (e) => {
      if (e.data && e.data.size > 0) {
        const seq = this.seq++;
        const segment = this.segment;
        this.uploads = this.uploads.then(() => this.upload(segment, seq, e.data));
      }
    };
    recorder.start(1000);
    this.show();
  }

  /** The stream goes on without a recording; the broadcaster is told why. */
  failed(err) {
    this.recorderError = err.message;
    this.show();
  }

  async upload(segment, seq, blob) {
    for (let attempt = 1; attempt <= 4; attempt++) {
      try {
        const res = await fetch(`/api/livestream/${this.streamId}/recording/segments/${segment}/chunks/${seq}`, {
          method: 'PUT', credentials: 'same-origin', body: blob,
          headers: { 'Content-Type': 'video/webm', 'X-Requested-With': 'XMLHttpRequest' },
        });
        if (res.ok) {
          const r = await res.json();
          this.uploadedChunks++;
          this.uploadedBytes = r.totalBytes;
          this.show();
          return;
        }
        if (res.status < 500) { // refused for good (size, type, state): retrying will not help
          this.uploadFailures++;
          this.show((await res.json().catch(() => ({}))).detail);
          return;
        }
      } catch (err) { /* network: retry */ }
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
    this.uploadFailures++;
    this.show();
  }

  show(problem) {
    const mb = (this.uploadedBytes / 1048576).toFixed(1);
    this.statusEl.textContent = `Recording${this.feeds.note}: ${this.uploadedChunks} chunks uploaded (${mb} MB)`
      + (this.uploadFailures ? `, ${this.uploadFailures} failed` : '') + (problem ? ` — ${problem}` : '')
      + (this.recorderError ? ` — stopped: ${this.recorderError}` : '');
  }

  /** Stops the recorder and waits until every chunk, including the last, is uploaded. */
  async stop() {
    if (!this.recorder || this.recorder.state === 'inactive') return;
    this.recorder.stop();
    await this.recorderStopped;
    this.feeds.stop();
    await this.uploads;
  }
}
