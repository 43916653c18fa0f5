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
import { createForm } from './console/create-form.js';
import { listMine } from './console/my-streams.js';
import { followRecording } from './console/recording-state.js';
import { IngestPanel } from './console/ingest.js';
import { PollPanel } from './console/polls.js';
import { qaPane } from './qa.js';
import { captionBox } from './console/captions.js';

const $ = (id) => document.getElementById(id);
const session = { stream: null, key: null, sig: null, recording: null, recordingEnabled: false, thumbnails: null };

const audience = new AudiencePanel({ viewers: $('viewers'), peak: $('peak'), likes: $('likes'),
  reactions: $('reactions'), peers: $('peers') });
const devices = new Devices({
  preview: $('preview'), camera: $('camera'), microphone: $('microphone'), note: $('device-note'),
  banner: $('device-banner'),
  onSourceChange: (stream) => {
    delivery?.setSource(stream);
    session.recording?.feed(stream);
  },
});
// Chosen per stream when it is opened: browser to browser, or through the SFU.
let delivery = null;
let chat = null;
let staff = null;
let ingest = null; // the Ingest panel (encoders)
let polls = null;
let qa = null;

/** The owner's Q&A setting: questions wait for approval, or not. */
async function qaSettings(id) {
  const url = `/api/livestream/${encodeURIComponent(id)}/questions/settings`;
  const s = await api('GET', url).catch(() => null);
  if (s) $('qa-moderated').checked = s.moderated;
  $('qa-moderated').onchange = () => api('PUT', url, { moderated: $('qa-moderated').checked, anonymousAllowed: s?.anonymousAllowed ?? true })
    .catch((e) => console.warn('Q&A settings', e));
}
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
  // Live or scheduled streams to resume after a reload (within the grace period), and past ones.
  $('mine').hidden = (await listMine($('console').dataset.user, $('my-streams'), resume)) === 0;
}

/** A failed action, said in the page (not in an alert box). */
function failed(err) {
  $('console-error').textContent = err.message;
  $('console-error').hidden = false;
}
$('device-retry').addEventListener('click', async () => {
  await devices.startPreview();
  await devices.listDevices();
});

/** Shows the studio for a stream that exists (just created, or resumed). */
function openStudio(id, key, title, recording, mode) {
  // the server records SFU streams itself (through Janus): the page records only the others
  const recordingEnabled = recording.recordingEnabled && recording.recordedBy !== 'server';
  Object.assign(session, { stream: id, key, recordingEnabled, recorded: recording.recordingEnabled });
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
  $('recording-status').hidden = !recording.recordingEnabled;
  if (recording.recordedBy === 'server') $('recording-status').textContent = 'Recorded on the server while live.';
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
  qa = qaPane({ streamId: id, list: $('qa-list'), answering: $('qa-answering'), signedIn: () => true, staff: () => true });
  qa.load().catch((e) => console.warn('questions', e));
  qaSettings(id);
  captionBox({ streamId: id, form: $('caption-form'), input: $('caption-input') });
  polls = new PollPanel(id);
  polls.load().catch((e) => console.warn('polls', e));
  ingest?.stop();
  ingest = new IngestPanel(id, { onKey: (k) => {
    session.key = k;
    if (session.sig?.joinMessage) session.sig.joinMessage.streamKey = k; // a reconnect needs the new key
  } });
  ingest.start().catch((e) => console.warn('ingest panel', e));
  $('report-link').href = `/report/${encodeURIComponent(id)}`;
  $('attendance-link').href = `/api/livestream/${encodeURIComponent(id)}/attendance.csv`;
  const link = `${location.origin}/watch/${id}`;
  $('watch-link').href = link;
  $('watch-link').textContent = link;
  $('stream-title').focus(); // the next step is here, not back at the top of the page
}

async function resume(id) {
  const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(id)}`); // the owner gets the key
  openStudio(stream.id, stream.streamKey, stream.title, stream, stream.delivery);
  if (stream.status === 'live') {
    onAir();
    // A reloaded page goes on recording in a new segment, after what was already uploaded.
    if (session.recordingEnabled) await session.recording.start().catch((e) => session.recording.failed(e));
  }
  connect();
}

createForm(async (streamId, streamKey) => {
  const { stream } = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}`);
  openStudio(streamId, streamKey, stream.title, stream, stream.delivery);
  connect();
});

function connect() {
  chat = chatPanel({ streamId: session.stream, list: $('chat'), form: $('chat-form'), input: $('chat-input'),
    reason: $('chat-reason'), send: (text) => session.sig.send({ type: 'chat:send', message: text }) });
  chat.moderate(); // the owner deletes and bans from the chat panel
  session.sig = new Signaling(session.stream)
    .on('stream:joined', (m) => {
      audience.update(m.stats);
      setStatus(m.status);
      if (m.role === 'broadcaster') delivery.joined(m); // else an encoder feeds it: this page only follows the room
    })
    .on('stream_update', (s) => audience.update(s))
    .on('reaction:counts', (m) => audience.reacted(m.counts))
    .on('poll:update', (m) => polls?.show(m))
    .on('question:added', (m) => qa?.upsert(m))
    .on('question:updated', (m) => qa?.upsert(m))
    .on('question:removed', (m) => qa?.remove(m.id))
    .on('question:votes', (m) => qa?.votes(m.votes))
    .on('stream_started', () => setStatus('live'))
    .on('stream_stopped', () => { setStatus('ended'); endUi(); })
    .on('chat:message', (m) => chat.show(m))
    .on('chat:deleted', (m) => chat.remove(m.id))
    .on('pin:added', (m) => staff?.pins.added(m))
    .on('pin:removed', (m) => staff?.pins.removed(m.pinId))
    .on('error', (m) => (m.inReplyTo === 'chat:send' ? chat.refused(m) : console.warn('signaling error', m.code, m.message)))
    // an encoder took the seat from this studio (it was not publishing): follow the room as its observer
    .on('close', (e) => { if (e.code === 4001) ingest?.afterTakeover(() => session.sig.open(session.sig.joinMessage)); });
  delivery.attach(session.sig);
  session.sig.open({ type: 'stream:join', role: 'broadcaster', streamKey: session.key });
  chat.loadHistory();
}

/**
 * The stream's status only moves forward (scheduled → live → ended): a socket's stream:joined that
 * was sent before Go live may arrive after it, and must not make a live stream look scheduled.
 */
const ORDER = ['scheduled', 'live', 'ended'];
function setStatus(status) {
  if (ORDER.indexOf(status) > ORDER.indexOf($('status').textContent)) $('status').textContent = status;
}

/** Live: thumbnails every 10 s, and the on-air controls. */
function onAir() {
  uploadThumbnail();
  session.thumbnails = setInterval(uploadThumbnail, 10000);
  $('go-live').disabled = true;
  $('end').disabled = false;
  $('share-screen').disabled = false;
}

async function goLive() {
  try {
    await api('POST', `/api/livestream/${session.stream}/start`);
    setStatus('live');
    if (session.recordingEnabled) await session.recording.start().catch((e) => session.recording.failed(e));
    onAir();
    $('end').focus();
  } catch (err) {
    failed(err);
  }
}

// Without a camera or a shared screen viewers would get a black picture: asked first.
$('go-live').addEventListener('click', () => (devices.hasVideo() ? goLive() : $('novideo-dialog').showModal()));
$('novideo-cancel').addEventListener('click', () => $('novideo-dialog').close());
$('go-live-anyway').addEventListener('click', () => {
  $('novideo-dialog').close();
  goLive();
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

// Ending is for everyone and cannot be undone: asked first.
$('end').addEventListener('click', () => $('end-dialog').showModal());
$('end-cancel').addEventListener('click', () => $('end-dialog').close());
$('end-confirm').addEventListener('click', async () => {
  $('end-dialog').close();
  try {
    $('end').disabled = true;
    clearInterval(session.thumbnails);
    await session.recording.stop();
    await api('POST', `/api/livestream/${session.stream}/end`);
  } catch (err) {
    failed(err);
  }
  endUi();
});

/** Ended (here or elsewhere): devices off, and what the broadcaster can do next. */
function endUi() {
  if (!$('ended-panel').hidden) return;
  $('go-live').disabled = true;
  $('end').disabled = true;
  $('share-screen').disabled = true;
  $('use-camera').disabled = true;
  clearInterval(session.thumbnails);
  ingest?.stop();
  delivery.closeAll();
  devices.stopAll();
  $('ended-report').href = `/report/${encodeURIComponent(session.stream)}`;
  $('ended-attendance').href = `/api/livestream/${encodeURIComponent(session.stream)}/attendance.csv`;
  $('ended-recording').href = `/vod/${encodeURIComponent(session.stream)}`;
  $('ended-recording').hidden = !session.recorded;
  if (session.recorded) followRecording(session.stream, $('ended-recording-state'));
  $('ended-panel').hidden = false;
  $('ended-heading').focus();
}

async function uploadThumbnail() {
  const jpeg = await devices.snapshot();
  if (!jpeg) return;
  await fetch(`/api/livestream/${session.stream}/thumbnail`, {
    method: 'PUT', credentials: 'same-origin', body: jpeg,
    headers: { 'Content-Type': 'image/jpeg', 'X-Requested-With': 'XMLHttpRequest' },
  }).catch(() => {});
}

// An invite link lets someone outside a restricted stream's list in; its token is shown only now.
$('make-invite').addEventListener('click', async () => {
  try {
    const made = await api('POST', `/api/livestream/${encodeURIComponent(session.stream)}/invites`, {});
    $('invite-url').value = made.url;
    $('invite-url').hidden = false;
    $('invite-url').select();
    $('invite-note').textContent = 'Copy this link now: it is not shown again. Revoke it with the API (DELETE …/invites/'
      + `${made.id}).`;
  } catch (err) {
    failed(err);
  }
});

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
init().catch((e) => { console.error(e); failed(e); });
