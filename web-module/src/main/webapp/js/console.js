// The broadcaster's console: create or resume a stream, go live, deliver media to viewers, record,
// chat, watch the audience. Each concern is a module under console/; this file wires them.
import { api } from './api.js';
import { chatPanel } from './chat.js';
import { Signaling } from './signaling.js';
import { AudiencePanel } from './console/audience.js';
import { Devices } from './console/devices.js';
import { DirectDelivery } from './console/direct-delivery.js';
import { Recording } from './console/recording.js';
import { SfuDelivery } from './console/sfu-delivery.js';
import { StaffPanel } from './console/staff.js';
import { RelayDelivery } from './console/relay-delivery.js';
import { TopologyPanel } from './console/topology.js';

const $ = (id) => document.getElementById(id);
const session = { stream: null, key: null, sig: null, recording: null, recordingEnabled: false, thumbnails: null };

const audience = new AudiencePanel({ viewers: $('viewers'), peak: $('peak'), likes: $('likes'), peers: $('peers') });
const devices = new Devices({
  preview: $('preview'), camera: $('camera'), microphone: $('microphone'), note: $('device-note'),
  onSourceChange: (stream) => {
    delivery?.setSource(stream);
    session.recording?.feed(stream);
  },
});
// Chosen per stream when it is opened: browser to browser, or through the SFU.
let delivery = null;
let chat = null;
let staff = null;
let topology = null;

function deliveryFor(mode) {
  const options = { source: () => devices.outgoing(), onChange: () => audience.renderPeers(delivery.peers) };
  if (mode === 'relay') return new RelayDelivery(options);
  return mode === 'sfu' ? new SfuDelivery(options) : new DirectDelivery(options);
}

// The page itself is only rendered for signed-in broadcasters (ConsolePage guards it).
async function init() {
  await devices.startPreview();
  await devices.listDevices();
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

/** Shows the studio for a stream that exists (just created, or resumed). */
function openStudio(id, key, title, recordingEnabled, mode) {
  Object.assign(session, { stream: id, key, recordingEnabled });
  delivery = deliveryFor(mode);
  $('delivery').textContent = { sfu: 'through the SFU (one upload for every viewer)',
    relay: 'relayed by viewers (you feed only the first few)' }[mode] || 'peer to peer';
  topology?.stop();
  $('topology-section').hidden = mode !== 'relay';
  if (mode === 'relay') {
    topology = new TopologyPanel(id, $('topology'), $('topology-summary'));
    topology.start();
  }
  session.recording = new Recording({ streamId: id, status: $('recording-status'), devices });
  $('recording-status').hidden = !recordingEnabled;
  $('create-form').hidden = true;
  $('mine').hidden = true;
  $('studio').hidden = false;
  $('stream-title').textContent = title;
  staff?.stop();
  staff = new StaffPanel(id, {
    chart: $('chart'), quality: $('quality'), qualitySummary: $('quality-summary'), pins: $('pins'),
    pinForm: $('pin-form'), settings: $('chat-settings'), slowMode: $('slow-mode'), chatEnabled: $('chat-enabled'),
    guests: $('chat-guests'),
  });
  staff.start().catch((e) => console.warn('staff panel', e));
  $('report-link').href = `/report/${encodeURIComponent(id)}`;
  const link = `${location.origin}/watch/${id}`;
  $('watch-link').href = link;
  $('watch-link').textContent = link;
}

async function resume(id) {
  const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(id)}`); // the owner gets the key
  openStudio(stream.id, stream.streamKey, stream.title, stream.recordingEnabled, stream.delivery);
  if (stream.status === 'live') {
    onAir();
    // A reloaded page goes on recording in a new segment, after what was already uploaded.
    if (session.recordingEnabled) await session.recording.start().catch((e) => session.recording.failed(e));
  }
  connect();
}

$('create-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const scheduled = $('scheduled').value ? new Date($('scheduled').value).toISOString() : undefined;
  try {
    const created = await api('POST', '/api/livestream/create', {
      title: $('title').value, description: $('description').value,
      recordingEnabled: $('recording').checked, scheduledAt: scheduled,
      delivery: $('delivery-mode').value || undefined,
      relayFanout: $('delivery-mode').value === 'relay' ? Number($('relay-fanout').value) : undefined,
    });
    const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(created.streamId)}`);
    openStudio(created.streamId, created.streamKey, $('title').value, $('recording').checked, stream.delivery);
    connect();
  } catch (err) {
    alert(err.message);
  }
});

function connect() {
  chat = chatPanel({ streamId: session.stream, list: $('chat'), form: $('chat-form'), input: $('chat-input'),
    send: (text) => session.sig.send({ type: 'chat:send', message: text }) });
  chat.moderate(); // the owner deletes and bans from the chat panel
  session.sig = new Signaling(session.stream)
    .on('stream:joined', (m) => {
      audience.update(m.stats);
      $('status').textContent = m.status;
      delivery.joined(m);
    })
    .on('stream_update', (s) => audience.update(s))
    .on('stream_started', () => { $('status').textContent = 'live'; })
    .on('stream_stopped', () => { $('status').textContent = 'ended'; endUi(); })
    .on('chat:message', (m) => chat.show(m))
    .on('chat:deleted', (m) => chat.remove(m.id))
    .on('pin:added', (m) => staff?.pins.added(m))
    .on('pin:removed', (m) => staff?.pins.removed(m.pinId))
    .on('error', (m) => console.warn('signaling error', m.code, m.message));
  delivery.attach(session.sig);
  session.sig.open({ type: 'stream:join', role: 'broadcaster', streamKey: session.key });
  chat.loadHistory();
}

/** Live: thumbnails every 10 s, and the on-air controls. */
function onAir() {
  uploadThumbnail();
  session.thumbnails = setInterval(uploadThumbnail, 10000);
  $('go-live').disabled = true;
  $('end').disabled = false;
  $('share-screen').disabled = false;
}

$('go-live').addEventListener('click', async () => {
  try {
    await api('POST', `/api/livestream/${session.stream}/start`);
    $('status').textContent = 'live';
    if (session.recordingEnabled) await session.recording.start().catch((e) => session.recording.failed(e));
    onAir();
  } catch (err) {
    alert(err.message);
  }
});

$('share-screen').addEventListener('click', async () => {
  await devices.shareScreen(useCamera);
  $('share-screen').disabled = true;
  $('use-camera').disabled = false;
});

function useCamera() {
  if (!devices.useCamera()) return;
  $('share-screen').disabled = false;
  $('use-camera').disabled = true;
}
$('use-camera').addEventListener('click', useCamera);

$('end').addEventListener('click', async () => {
  try {
    $('end').disabled = true;
    clearInterval(session.thumbnails);
    await session.recording.stop();
    await api('POST', `/api/livestream/${session.stream}/end`);
  } catch (err) {
    alert(err.message);
  }
  endUi();
});

function endUi() {
  $('end').disabled = true;
  $('share-screen').disabled = true;
  $('use-camera').disabled = true;
  clearInterval(session.thumbnails);
  delivery.closeAll();
}

async function uploadThumbnail() {
  const jpeg = await devices.snapshot();
  if (!jpeg) return;
  await fetch(`/api/livestream/${session.stream}/thumbnail`, {
    method: 'PUT', credentials: 'same-origin', body: jpeg,
    headers: { 'Content-Type': 'image/jpeg', 'X-Requested-With': 'XMLHttpRequest' },
  }).catch(() => {});
}

// For diagnostics and tests: the same names as before the split.
window.relaycastConsole = {
  get peers() { return delivery?.peers ?? new Map(); },
  get delivery() { return delivery; },
  get sig() { return session.sig; },
  get recorder() { return session.recording?.recorder; },
  get segment() { return session.recording?.segment; },
  get uploadedChunks() { return session.recording?.uploadedChunks; },
  get stream() { return session.stream; },
  get staff() { return staff; },
  get topology() { return topology; },
  devices, audience, session,
};
init().catch((e) => { console.error(e); $('console-error').textContent = e.message; $('console-error').hidden = false; });
