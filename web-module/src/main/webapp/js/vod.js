import { api, withInvite } from './api.js';

const $ = (id) => document.getElementById(id);
const streamId = $('state').dataset.streamId;

function setState(name, text) {
  $('state').dataset.state = name;
  $('state').textContent = text;
}

/** The recording is finalized in the background after the end: wait for it. */
async function load() {
  for (let i = 0; i < 120; i++) {
    const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}`);
    if (stream.recordingUrl) {
      $('video').src = withInvite(stream.recordingUrl);
      $('download').href = withInvite(stream.recordingUrl);
      setState('ready', 'Recording');
      return;
    }
    if (stream.status === 'cancelled') {
      setState('none', 'This stream was cancelled: there is no recording.');
      $('video').hidden = true;
      $('download').hidden = true;
      return;
    }
    if (stream.status !== 'ended' || !stream.recordingEnabled) {
      setState('none', stream.status === 'ended' ? 'This stream was not recorded.' : 'The stream has not ended yet.');
      $('video').hidden = stream.status === 'ended'; // nothing will ever play here
      $('download').hidden = true;
      if (stream.status !== 'ended') { await new Promise((r) => setTimeout(r, 5000)); continue; }
      return;
    }
    if (stream.recordingState === 'failed') {
      setState('error', 'The recording failed: nothing usable was recorded.');
      $('video').hidden = true;
      $('download').hidden = true;
      return;
    }
    setState('processing', 'The recording is being prepared…');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

load().catch((e) => setState('error', e.message));
