import { api, invite, withInvite } from './api.js';
import { loadHlsJs } from './watch/hls-playback.js';

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
      $('download').href = withInvite(stream.recordingUrl);
      await play(stream.recordingUrl);
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

/**
 * The recording's HLS rendition (two sizes, chosen as the bandwidth allows) where the server made
 * one and the browser plays it; else the WebM file itself (seekable too, one size).
 */
async function play(recordingUrl) {
  const master = `/api/livestream/${encodeURIComponent(streamId)}/recording/hls/master.m3u8`;
  const found = await fetch(withInvite(master), { method: 'HEAD', credentials: 'same-origin' }).catch(() => null);
  const Hls = found?.ok ? await loadHlsJs().catch(() => null) : null;
  if (Hls && Hls.isSupported()) {
    const hls = new Hls({
      enableWorker: false,
      // relative links do not carry the page's invite token: every request gets it
      xhrSetup: (xhr, url) => {
        const u = new URL(url, location.href);
        if (invite) u.searchParams.set('invite', invite);
        xhr.open('GET', u.toString(), true);
      },
    });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) { // the file, then
        hls.destroy();
        $('video').src = withInvite(recordingUrl);
        window.relaycastVod.source = 'webm';
      }
    });
    hls.loadSource(withInvite(master));
    hls.attachMedia($('video'));
    window.relaycastVod.source = 'hls';
  } else {
    $('video').src = withInvite(recordingUrl);
    window.relaycastVod.source = 'webm';
  }
}

window.relaycastVod = { source: null };
load().catch((e) => setState('error', e.message));
