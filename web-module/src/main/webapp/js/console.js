import { api, appendChat } from './api.js';
import { Signaling } from './signaling.js';

const $ = (id) => document.getElementById(id);
const state = { stream: null, key: null, sig: null, iceServers: [], media: null, screen: null, peers: new Map(), history: [],
  recordingEnabled: false, recorder: null, recorderStopped: null, uploads: Promise.resolve(), seq: 0, uploadedBytes: 0, uploadedChunks: 0, uploadFailures: 0 };

// The page itself is only rendered for signed-in broadcasters (ConsolePage guards it).
async function init() {
  await startPreview();
  await listDevices();
  await listMine($('console').dataset.user);
}

/** Scheduled or live streams of this broadcaster, to resume after a reload (within the grace period). */
async function listMine(userId) {
  const { streams } = await api('GET', `/api/livestream/user/${encodeURIComponent(userId)}?limit=50`);
  const open = streams.filter((s) => s.status !== 'ended');
  $('mine').hidden = open.length === 0;
  $('my-streams').replaceChildren(...open.map((s) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = s.status === 'live' ? 'Resume' : 'Open';
    b.addEventListener('click', () => resume(s.id));
    li.append(`${s.title} (${s.status}) `, b);
    return li;
  }));
}

async function resume(id) {
  const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(id)}`); // the owner gets the key
  state.stream = stream.id;
  state.key = stream.streamKey;
  state.recordingEnabled = stream.recordingEnabled;
  $('recording-status').hidden = !state.recordingEnabled;
  $('create-form').hidden = true;
  $('mine').hidden = true;
  $('studio').hidden = false;
  $('stream-title').textContent = stream.title;
  const link = `${location.origin}/watch/${stream.id}`;
  $('watch-link').href = link;
  $('watch-link').textContent = link;
  if (stream.status === 'live') {
    $('go-live').disabled = true;
    $('end').disabled = false;
    $('share-screen').disabled = false;
    state.thumbnails = setInterval(uploadThumbnail, 10000);
    // A reloaded page goes on recording in a new segment, after what was already uploaded.
    if (state.recordingEnabled) await startRecording().catch(recordingFailed);
  }
  connect();
}

/** Camera and microphone. Without a camera the stream goes on with the microphone (and a screen share). */
async function startPreview() {
  const video = $('camera').value ? { deviceId: { exact: $('camera').value } } : { width: 640, height: 480 };
  const audio = $('microphone').value ? { deviceId: { exact: $('microphone').value } } : true;
  let media;
  try {
    media = await navigator.mediaDevices.getUserMedia({ video, audio });
    $('device-note').hidden = true;
  } catch (err) {
    media = await navigator.mediaDevices.getUserMedia({ audio }).catch(() => new MediaStream());
    const heard = media.getAudioTracks().length ? 'your microphone' : 'nothing';
    $('device-note').textContent = `No camera (${err.message || err.name}): viewers get ${heard} until you share your screen.`;
    $('device-note').hidden = false;
  }
  if (state.media) state.media.getTracks().forEach((t) => t.stop());
  state.media = media;
  if (!state.screen) $('preview').srcObject = media;
  replaceOutgoing(outgoingStream()); // a new microphone is heard during a screen share too
  feedRecording(outgoingStream());
}

async function listDevices() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  for (const [kind, select] of [['videoinput', $('camera')], ['audioinput', $('microphone')]]) {
    const current = select.value;
    select.replaceChildren(...devices.filter((d) => d.kind === kind).map((d, i) => {
      const o = document.createElement('option');
      o.value = d.deviceId;
      o.textContent = d.label || `${kind} ${i + 1}`;
      return o;
    }));
    if (current) select.value = current;
  }
}

/** Swaps tracks on every viewer's connection without renegotiating (RTCRtpSender.replaceTrack). */
function replaceOutgoing(stream) {
  for (const { pc } of state.peers.values()) {
    for (const { sender, receiver } of pc.getTransceivers()) {
      const track = stream.getTracks().find((t) => t.kind === receiver.track.kind);
      if (track && sender.track !== track) sender.replaceTrack(track);
    }
  }
}

function outgoingStream() {
  if (!state.screen) return state.media;
  return new MediaStream([...state.screen.getVideoTracks(), ...state.media.getAudioTracks()]);
}

$('camera').addEventListener('change', startPreview);
$('microphone').addEventListener('change', startPreview);

$('create-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const scheduled = $('scheduled').value ? new Date($('scheduled').value).toISOString() : undefined;
  try {
    const created = await api('POST', '/api/livestream/create', {
      title: $('title').value, description: $('description').value,
      recordingEnabled: $('recording').checked, scheduledAt: scheduled,
    });
    state.stream = created.streamId;
    state.key = created.streamKey;
    state.recordingEnabled = $('recording').checked;
    $('recording-status').hidden = !state.recordingEnabled;
    $('create-form').hidden = true;
    $('mine').hidden = true;
    $('studio').hidden = false;
    $('stream-title').textContent = $('title').value;
    const link = `${location.origin}/watch/${created.streamId}`;
    $('watch-link').href = link;
    $('watch-link').textContent = link;
    connect();
  } catch (err) {
    alert(err.message);
  }
});

function connect() {
  state.sig = new Signaling(state.stream)
    .on('stream:joined', (m) => {
      state.iceServers = m.iceServers || [];
      update(m.stats);
      $('status').textContent = m.status;
      m.viewers.forEach((v) => offerTo(v.peerId, v.userId));
    })
    .on('stream:viewer-joined', (m) => offerTo(m.peerId, m.userId))
    .on('stream:viewer-left', (m) => dropPeer(m.peerId))
    .on('stream:answer', (m) => state.peers.get(m.from)?.pc.setRemoteDescription(m.sdp))
    .on('stream:ice-candidate', async (m) => {
      const p = state.peers.get(m.from);
      if (p && m.candidate) await p.pc.addIceCandidate(m.candidate).catch(() => {});
    })
    .on('stream_update', update)
    .on('stream_started', () => { $('status').textContent = 'live'; })
    .on('stream_stopped', () => { $('status').textContent = 'ended'; endUi(); })
    .on('chat:message', (m) => appendChat($('chat'), m))
    .on('error', (m) => console.warn('signaling error', m.code, m.message))
    .open({ type: 'stream:join', role: 'broadcaster', streamKey: state.key });
  api('GET', `/api/livestream/${state.stream}/chat?limit=100`).then((h) => h.messages.forEach((m) => appendChat($('chat'), m)));
}

async function offerTo(peerId, userId) {
  dropPeer(peerId);
  const pc = new RTCPeerConnection({ iceServers: state.iceServers });
  const entry = { pc, userId, bytes: 0, at: performance.now(), kbps: 0 };
  state.peers.set(peerId, entry);
  const stream = outgoingStream();
  for (const kind of ['audio', 'video']) {
    const track = stream.getTracks().find((t) => t.kind === kind);
    // A sender of each kind even without a device, so that a screen share (or a camera plugged in
    // later) is switched in without renegotiating.
    if (track) pc.addTrack(track, stream);
    else pc.addTransceiver(kind, { direction: 'sendonly', streams: [stream] });
  }
  pc.onicecandidate = (e) => { if (e.candidate) state.sig.send({ type: 'stream:ice-candidate', to: peerId, candidate: e.candidate }); };
  pc.onconnectionstatechange = renderPeers;
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  state.sig.send({ type: 'stream:offer', to: peerId, sdp: pc.localDescription });
  renderPeers();
}

function dropPeer(peerId) {
  const p = state.peers.get(peerId);
  if (p) {
    p.pc.close();
    state.peers.delete(peerId);
    renderPeers();
  }
}

function renderPeers() {
  $('peers').replaceChildren(...[...state.peers.entries()].map(([id, p]) => {
    const tr = document.createElement('tr');
    for (const v of [id.slice(0, 10), p.userId || 'anonymous', p.pc.connectionState, p.kbps.toFixed(0)]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    return tr;
  }));
}

async function sampleStats() {
  for (const p of state.peers.values()) {
    const stats = await p.pc.getStats();
    let bytes = 0;
    stats.forEach((r) => { if (r.type === 'outbound-rtp') bytes += r.bytesSent || 0; });
    const now = performance.now();
    p.kbps = Math.max(0, ((bytes - p.bytes) * 8) / (now - p.at));
    p.bytes = bytes;
    p.at = now;
  }
  renderPeers();
}
setInterval(sampleStats, 2000);

function update(s) {
  if (!s) return;
  $('viewers').textContent = s.viewers;
  $('peak').textContent = s.peak;
  $('likes').textContent = s.likes;
  state.history.push(s.viewers);
  if (state.history.length > 120) state.history.shift();
  drawChart();
}

function drawChart() {
  const c = $('chart');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  const max = Math.max(1, ...state.history);
  g.strokeStyle = '#2a6df4';
  g.beginPath();
  state.history.forEach((v, i) => {
    const x = (i / Math.max(1, state.history.length - 1)) * (c.width - 4) + 2;
    const y = c.height - 4 - (v / max) * (c.height - 8);
    if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
  });
  g.stroke();
}

$('go-live').addEventListener('click', async () => {
  try {
    await api('POST', `/api/livestream/${state.stream}/start`);
    $('status').textContent = 'live';
    if (state.recordingEnabled) await startRecording().catch(recordingFailed);
    uploadThumbnail();
    state.thumbnails = setInterval(uploadThumbnail, 10000);
    $('go-live').disabled = true;
    $('end').disabled = false;
    $('share-screen').disabled = false;
  } catch (err) {
    alert(err.message);
  }
});

$('share-screen').addEventListener('click', async () => {
  const screen = await Promise.race([
    navigator.mediaDevices.getDisplayMedia({ video: true }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('screen picker timed out')), 15000)),
  ]);
  state.screen = screen;
  screen.getVideoTracks()[0].addEventListener('ended', useCamera);
  $('preview').srcObject = screen;
  replaceOutgoing(screen);
  feedRecording(outgoingStream());
  $('share-screen').disabled = true;
  $('use-camera').disabled = false;
});

function useCamera() {
  if (!state.screen) return;
  state.screen.getTracks().forEach((t) => t.stop());
  state.screen = null;
  $('preview').srcObject = state.media;
  replaceOutgoing(state.media);
  feedRecording(state.media);
  $('share-screen').disabled = false;
  $('use-camera').disabled = true;
}
$('use-camera').addEventListener('click', useCamera);

$('end').addEventListener('click', async () => {
  try {
    $('end').disabled = true;
    clearInterval(state.thumbnails);
    await stopRecording();
    await api('POST', `/api/livestream/${state.stream}/end`);
  } catch (err) {
    alert(err.message);
  }
  endUi();
});

function endUi() {
  $('end').disabled = true;
  $('share-screen').disabled = true;
  $('use-camera').disabled = true;
  for (const id of [...state.peers.keys()]) dropPeer(id);
}

$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('chat-input').value.trim();
  if (text) state.sig.send({ type: 'chat:send', message: text });
  $('chat-input').value = '';
});

// ---- recording: MediaRecorder chunks uploaded as they come, numbered, retried, idempotent on the server

// The recording shows what viewers see and hear: camera or screen, and the microphone picked now.
// A MediaRecorder cannot change tracks, so where the browser can (MediaStreamTrackProcessor and
// MediaStreamTrackGenerator, Chromium) it records generated tracks that are fed the frames of
// whichever source is on air; elsewhere it records the camera stream it started with.
function recordedStream() {
  if (!('MediaStreamTrackProcessor' in window && 'MediaStreamTrackGenerator' in window)) {
    state.recordingNote = ' (camera only in this browser)';
    return state.media;
  }
  state.recordFeeds = {};
  for (const kind of ['video', 'audio']) {
    state.recordFeeds[kind] = { generator: new MediaStreamTrackGenerator({ kind }) };
  }
  feedRecording(outgoingStream());
  return new MediaStream(Object.values(state.recordFeeds).map((f) => f.generator));
}

/** Points the recording at this stream's tracks (called on every source or device change). */
function feedRecording(stream) {
  if (!state.recordFeeds) return;
  for (const [kind, feed] of Object.entries(state.recordFeeds)) {
    const track = kind === 'video' ? stream.getVideoTracks()[0] : state.media.getAudioTracks()[0];
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

function stopRecordingFeeds() {
  for (const feed of Object.values(state.recordFeeds || {})) {
    feed.stopped = true;
    if (feed.abort) feed.abort.abort();
    if (feed.source) feed.source.stop();
    feed.generator.stop();
  }
  state.recordFeeds = null;
}

/** The stream goes on without a recording; the broadcaster is told why. */
function recordingFailed(err) {
  state.recorderError = err.message;
  showUploads();
}

async function startRecording() {
  // Each MediaRecorder session is a segment of the recording (numbered by the server).
  state.segment = (await api('POST', `/api/livestream/${state.stream}/recording/segments`)).segment;
  state.seq = 0;
  const type = ['video/webm;codecs=vp8,opus', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(recordedStream(), type ? { mimeType: type } : undefined);
  state.recorder = recorder;
  state.recorderStopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.onerror = (e) => { // the browser stopped recording: say so instead of showing a frozen count
    state.recorderError = (e.error && e.error.message) || 'the browser stopped recording';
    showUploads();
  };
  recorder.ondataavailable = (e) => {
    if (e.data && e.data.size > 0) {
      const seq = state.seq++;
      const segment = state.segment;
      state.uploads = state.uploads.then(() => uploadChunk(segment, seq, e.data));
    }
  };
  recorder.start(1000);
  showUploads();
}

async function uploadChunk(segment, seq, blob) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(`/api/livestream/${state.stream}/recording/segments/${segment}/chunks/${seq}`, {
        method: 'PUT', credentials: 'same-origin', body: blob,
        headers: { 'Content-Type': 'video/webm', 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (res.ok) {
        const r = await res.json();
        state.uploadedChunks++;
        state.uploadedBytes = r.totalBytes;
        showUploads();
        return;
      }
      if (res.status < 500) { // refused for good (size, type, state): retrying will not help
        state.uploadFailures++;
        showUploads((await res.json().catch(() => ({}))).detail);
        return;
      }
    } catch (err) { /* network: retry */ }
    await new Promise((r) => setTimeout(r, 500 * attempt));
  }
  state.uploadFailures++;
  showUploads();
}

function showUploads(problem) {
  const mb = (state.uploadedBytes / 1048576).toFixed(1);
  $('recording-status').textContent = `Recording${state.recordingNote || ''}: ${state.uploadedChunks} chunks uploaded (${mb} MB)`
    + (state.uploadFailures ? `, ${state.uploadFailures} failed` : '') + (problem ? ` — ${problem}` : '')
    + (state.recorderError ? ` — stopped: ${state.recorderError}` : '');
}

/** Stops the recorder and waits until every chunk, including the last, is uploaded. */
async function stopRecording() {
  if (!state.recorder || state.recorder.state === 'inactive') return;
  state.recorder.stop();
  await state.recorderStopped;
  stopRecordingFeeds();
  await state.uploads;
}

// ---- thumbnails: a small JPEG of the preview every 10 s
async function uploadThumbnail() {
  const video = $('preview');
  if (!video.videoWidth) return;
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = Math.round((320 * video.videoHeight) / video.videoWidth);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.7));
  await fetch(`/api/livestream/${state.stream}/thumbnail`, {
    method: 'PUT', credentials: 'same-origin', body: blob,
    headers: { 'Content-Type': 'image/jpeg', 'X-Requested-With': 'XMLHttpRequest' },
  }).catch(() => {});
}

window.relaycastConsole = state; // for diagnostics and tests
init().catch((e) => { console.error(e); $('console-error').textContent = e.message; $('console-error').hidden = false; });
