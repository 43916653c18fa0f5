// After the end: where the stream's recording is (recordingState), said in the ended panel until the
// VOD is ready or has failed — a failure is said, not left for the broadcaster to discover.
import { api } from '../api.js';

const WORDS = {
  processing: 'The recording is being prepared…',
  ready: 'The recording is ready.',
  failed: 'The recording failed: nothing usable was recorded.',
};

/** Follows the recording of `streamId` into `el` (a status line); stops at ready or failed, or after 10 minutes. */
export async function followRecording(streamId, el) {
  for (let i = 0; i < 300; i++) {
    const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}`).catch(() => ({ stream: null }));
    const state = stream?.recordingState;
    if (state && WORDS[state]) {
      el.textContent = WORDS[state];
      el.hidden = false;
      el.dataset.state = state;
      if (state !== 'processing') return state;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  return null;
}
