import { api, me, withInvite } from './api.js';
import { chatPanel } from './chat.js';
import { pinList } from './pins.js';
import { pollPane } from './poll.js';
import { qaPane } from './qa.js';
import { reportQuality } from './quality-report.js';
import { RelayForwarder, stallWatch } from './watch-relay.js';
import { Signaling } from './signaling.js';
import { SfuReceiver } from './watch-sfu.js';
import { Player } from './watch/player.js';
import { reactionBar } from './watch/reactions.js';
import { liveCaptions } from './watch/captions.js';
import { playbackChoice } from './watch/playback-choice.js';

const $ = (id) => document.getElementById(id);
const streamId = $('watch').dataset.streamId;
const params = new URLSearchParams(location.search);
// ?relay=1 forces media through TURN (iceTransportPolicy 'relay'), for testing and strict networks.
const transportPolicy = params.get('relay') === '1' ? 'relay' : 'all';
const w = { pc: null, pending: [], iceServers: [], sig: null, joinAt: 0, firstFrameMs: null, user: null,
  relay: null, parent: null, parentIsBroadcaster: false, pcFrom: null };
window.relaycastWatch = w;
const captions = liveCaptions({ video: $('video'), toggle: $('captions-toggle') });
window.relaycastWatch.captions = captions;
const reactions = reactionBar({ buttons: $('reactions'), burst: $('reaction-burst'), send: (m) => w.sig?.send(m) });
const chat = chatPanel({ streamId, list: $('chat'), form: $('chat-form'), input: $('chat-input'),
  reason: $('chat-reason'), send: (text) => w.sig.send({ type: 'chat:send', message: text }) });

const pins = pinList(streamId, $('pins'));
const poll = pollPane({ streamId, root: $('poll'), question: $('poll-question'), options: $('poll-options'), chart: $('poll-chart'),
  note: $('poll-note'), canVote: () => Boolean(w.user?.authenticated) });
const qa = qaPane({ streamId, list: $('qa-list'), form: $('qa-form'), input: $('qa-input'), anonymous: $('qa-anonymous'),
  answering: $('qa-answering'), signedIn: () => Boolean(w.user?.authenticated), staff: () => Boolean(w.staff) });
const player = new Player();
window.relaycastPlayer = player;
const playback = playbackChoice({ streamId, video: $('video'), onState: setState, webrtcFrames: () => w.frames,
  closeWebRtc: () => closePc(), send: (m) => {
    if (m.type === 'stream:transport' && w.sig?.joinMessage) w.sig.joinMessage.transport = m.transport; // kept on a rejoin
    w.sig?.send(m);
  } });

function setState(name, text) {
  player.show(name, text);
}

/** Whether this viewer may chat now, and if not, why (the box says it and is disabled). */
async function chatAllowed(status) {
  if (status === 'ended') return chat.disable('The stream has ended; the chat is closed.');
  if (status !== 'live') return chat.disable('The chat opens when the stream goes live.');
  const settings = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}/chat-settings`).catch(() => null);
  if (settings && !settings.enabled && !w.staff) return chat.disable('The chat is turned off for this stream.');
  if (settings && settings.signedInOnly && !w.user?.authenticated) {
    $('chat-hint').hidden = false; // "Sign in to chat and like", with the way back here
    return chat.disable('');
  }
  chat.enable();
  $('chat-rules').textContent = settings?.slowModeSeconds ? `Slow mode: one message every ${settings.slowModeSeconds} s.` : '';
}

/** A refused chat line or like, answered in place. */
function refused(m) {
  if (m.inReplyTo === 'chat:send') {
    chat.refused(m);
    if (m.code === 'forbidden' || m.code === 'unauthenticated' || m.code === 'invalid-state') {
      chat.disable(m.message); // banned, chat off, sign-in only, not live: no use typing on
    }
  } else if (m.inReplyTo === 'reaction') {
    $('like-reason').textContent = m.message; // too many, or not live yet: said, nothing else changes
    setTimeout(() => { $('like-reason').textContent = ''; }, 3000);
  } else if (m.inReplyTo === 'like') {
    $('like-reason').textContent = m.message;
    $('like').disabled = true;
    setTimeout(() => { $('like').disabled = $('state').dataset.state === 'ended'; $('like-reason').textContent = ''; },
      (m.retryAfter || 3) * 1000);
  } else if (m.code === 'stream-cancelled') {
    player.cancelled();
  } else if (['forbidden', 'unauthenticated', 'full'].includes(m.code)) {
    playback.ended(); // no right to watch any more: the HLS player stops too
    setState(m.code === 'full' ? 'full' : 'error', m.message); // no right or no room to watch (any more)
  } else {
    console.warn('signaling error', m.code, m.message);
  }
}

async function init() {
  const [detail, who] = await Promise.all([api('GET', `/api/livestream/${encodeURIComponent(streamId)}`), me()]);
  w.user = who;
  const s = detail.stream;
  $('chat-hint').hidden = who.authenticated;
  $('likes').textContent = s.likeCount;
  player.recording(s.recordingEnabled && s.status !== 'ended');
  $('viewers').textContent = s.currentViewers;
  const roles = who.roles || [];
  w.staff = who.authenticated && (who.userId === s.userId || roles.includes('moderator') || roles.includes('admin'));
  if (w.staff) chat.moderate(); // staff delete and ban from here too
  if (!who.authenticated) {
    chat.disable('Sign in to chat.'); // guests may chat only where the owner allows it: checked below
  }
  $('qa-form').hidden = !who.authenticated;
  await Promise.all([chat.loadHistory(), pins.load(), poll.load(), qa.load()]);
  if (s.status === 'ended') return ended(s.recordingUrl);
  if (s.status === 'cancelled') return player.cancelled();
  if (s.status === 'live') setState('waiting', 'Connecting…');
  else player.scheduled(s.scheduledAt, withInvite(`/api/livestream/${encodeURIComponent(streamId)}/calendar.ics`));
  if (s.status !== 'live') await chatAllowed(s.status); // when live: once joined (a line needs the socket)
  connect();
}

/** Relay delivery: this viewer's site (an office label) and whether it helps relay. */
function relayPrefs() {
  const site = params.get('site') || localStorage.getItem('relaycast.site');
  const help = localStorage.getItem('relaycast.relay') !== 'off';
  return { ...(site ? { site } : {}), ...(help ? {} : { relay: false }) };
}

function relayStatus() {
  const n = w.relay?.feeding ?? 0;
  $('relay-status').textContent = n > 0 ? `Helping to relay the stream to ${n} viewer${n === 1 ? '' : 's'}.`
    : 'Not relaying to anyone right now.';
}

function connect() {
  w.joinAt = performance.now();
  w.sig = new Signaling(streamId)
    .on('stream:joined', (m) => {
      w.iceServers = m.iceServers || [];
      w.delivery = m.delivery;
      w.peerId = m.peerId;
      playback.joined(m.delivery, m.status);
      $('relay-panel').hidden = m.delivery !== 'relay';
      if (m.delivery === 'relay' && !w.relay) {
        w.relay = new RelayForwarder({ sig: w.sig, iceServers: () => w.iceServers, onChange: relayStatus });
      }
      update(m.stats);
      chatAllowed(m.status);
    })
    .on('relay:parent', (m) => {
      Object.assign(w, { parent: m.peerId, parentIsBroadcaster: m.broadcaster });
      if (w.pcFrom && w.pcFrom !== m.peerId) closePc(); // the new parent's offer follows
    })
    .on('relay:child', (m) => w.relay?.addChild(m.peerId))
    .on('relay:child-removed', (m) => w.relay?.removeChild(m.peerId))
    .on('stream:answer', (m) => w.relay?.handle(m))
    .on('sfu:offer', sfuOffer)
    .on('stream:admitted', (m) => { w.iceServers = m.iceServers || w.iceServers; }) // TURN, now that it started
    .on('stream:offer', answer)
    .on('stream:ice-candidate', async (m) => {
      if (!m.candidate || w.relay?.handle(m)) return;
      if (w.pc && w.pc.remoteDescription) await w.pc.addIceCandidate(m.candidate).catch(() => {});
      else w.pending.push(m.candidate);
    })
    .on('stream_started', () => { setState('waiting', 'Live — connecting…'); chatAllowed('live'); playback.live(); })
    .on('stream:broadcaster-left', () => setState('reconnecting', 'The broadcaster is reconnecting…'))
    .on('stream:broadcaster-rejoined', () => {
      playback.rejoined();
      if (w.delivery === 'relay' && !w.parentIsBroadcaster) return; // fed by a viewer: it gets the new stream
      closePc();
      setState('waiting', 'Reconnecting…');
    })
    .on('stream_update', update)
    .on('stream_stopped', (m) => ended(m.recordingUrl))
    .on('stream:cancelled', () => { player.cancelled(); chat.disable('The stream was cancelled.'); })
    .on('stream:updated', (m) => player.revised(m, withInvite(`/api/livestream/${encodeURIComponent(streamId)}/calendar.ics`)))
    .on('chat:message', (m) => chat.show(m))
    .on('chat:deleted', (m) => chat.remove(m.id))
    .on('reaction:counts', (m) => reactions.show(m.counts))
    .on('poll:update', (m) => poll.show(m))
    .on('caption', (m) => captions.show(m))
    .on('question:added', (m) => qa.upsert(m))
    .on('question:updated', (m) => qa.upsert(m))
    .on('question:removed', (m) => qa.remove(m.id))
    .on('question:votes', (m) => qa.votes(m.votes))
    .on('pin:added', (m) => pins.added(m))
    .on('pin:removed', (m) => pins.removed(m.pinId))
    .on('error', refused)
    .on('reconnecting', () => setState('reconnecting', 'Connection to the server lost, reconnecting…'))
    .open({ type: 'stream:join', role: 'viewer', ...relayPrefs(), transport: playback.preferred() });
}

async function answer(m) {
  closePc();
  const pc = new RTCPeerConnection({ iceServers: w.iceServers, iceTransportPolicy: transportPolicy });
  w.pc = pc;
  w.pcFrom = m.from;
  pc.ontrack = showTrack;
  pc.onicecandidate = (e) => { if (e.candidate) w.sig.send({ type: 'stream:ice-candidate', to: m.from, candidate: e.candidate }); };
  pc.onconnectionstatechange = () => connectionState(pc.connectionState);
  await pc.setRemoteDescription(typeof m.sdp === 'object' ? { type: 'offer', sdp: m.sdp.sdp } : m.sdp);
  for (const c of w.pending.splice(0)) await pc.addIceCandidate(c).catch(() => {});
  await pc.setLocalDescription(await pc.createAnswer());
  if (w.pc !== pc) return; // a newer offer replaced this one while it was answered
  w.sig.send({ type: 'stream:answer', to: m.from,
    sdp: { type: 'answer', sdp: pc.localDescription.sdp, offerId: m.sdp?.offerId } });
}

function showTrack(e) {
  const video = $('video');
  if (video.srcObject !== e.streams[0]) {
    video.srcObject = e.streams[0];
    w.relay?.setSource(e.streams[0]);
    video.play().catch(() => {});
    watchFirstFrame(video);
  }
}

function connectionState(state) {
  if (state === 'connected') setState('live', 'Live');
  if (state === 'failed') setState('reconnecting', 'Connection lost, waiting for the broadcaster…');
}

/** Through the SFU: the server sends its offer once the broadcaster publishes. */
async function sfuOffer(m) {
  if (playback.current !== 'webrtc') return; // playing HLS: an offer from before the switch
  if (!w.sfu) {
    w.sfu = new SfuReceiver({ sig: w.sig, iceServers: () => w.iceServers, onTrack: showTrack, onState: connectionState,
      layerSelect: $('layer') });
  }
  await w.sfu.offer(m);
  if (playback.current !== 'webrtc') return w.sfu.close(); // switched to HLS meanwhile
  w.pc = w.sfu.pc;
  playback.offered(w.pc);
}

function watchFirstFrame(video) {
  if (w.firstFrameMs !== null || !video.requestVideoFrameCallback) return;
  video.requestVideoFrameCallback(() => { w.firstFrameMs = Math.round(performance.now() - w.joinAt); });
}

// Frames decoded (from getStats, so also in a background tab), when the count last grew, and the
// pauses of over 0.4 s as [last frame before, first frame after] (wall clock, the last 20):
// diagnostics, and the relay repair test.
w.frames = 0;
w.gaps = [];
setInterval(async () => {
  const stats = await w.pc?.getStats().catch(() => null);
  let decoded = null;
  stats?.forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') decoded = s.framesDecoded; });
  if (decoded === null) return;
  const now = Date.now();
  if (decoded !== w.decoded) {
    if (w.decodedAt && now - w.decodedAt > 400) w.gaps = [...w.gaps.slice(-19), [w.decodedAt, now]];
    w.frames += w.decoded === undefined || decoded < w.decoded ? decoded : decoded - w.decoded;
    Object.assign(w, { decoded, decodedAt: now });
  }
}, 250);

function closePc() {
  if (w.sfu) w.sfu.close();
  if (w.pc) w.pc.close();
  w.pc = null;
  w.pcFrom = null;
  w.pending = [];
}

function update(s) {
  if (!s) return;
  $('viewers').textContent = s.viewers;
  $('likes').textContent = s.likes;
}

function ended(recordingUrl) {
  closePc();
  playback.ended();
  w.relay?.closeAll();
  chat.disable('The stream has ended; the chat is closed.');
  player.ended(null);
  // The recording is finished in the background; link to its page, which waits for it.
  api('GET', `/api/livestream/${encodeURIComponent(streamId)}`).then((d) => {
    if (recordingUrl || d.stream.recordingEnabled) player.ended(`/vod/${encodeURIComponent(streamId)}`);
  }).catch(() => {});
}

// A like is a moment, not a toggle: pressed once this viewer liked; one per second from the page
// (the server limits each user too, likes.max-per-second).
$('like').addEventListener('click', () => {
  if (!w.user?.authenticated) {
    $('chat-hint').hidden = false;
    $('like-reason').textContent = 'Sign in to like.';
    return;
  }
  w.sig.send({ type: 'like' });
  $('like').setAttribute('aria-pressed', 'true');
  $('like').disabled = true;
  setTimeout(() => { $('like').disabled = $('state').dataset.state === 'ended'; }, 1000);
});

reportQuality(() => w.pc, (m) => w.sig?.send(m), async () => ({ uploadKbps: await w.relay?.uploadKbps() ?? null }));
// A relayed stream that stalls for 2 s: ask the server for another parent.
stallWatch($('video'), () => w.delivery === 'relay' && !!w.parent && $('state').dataset.state === 'live',
  () => w.sig?.send({ type: 'relay:lost-parent' }));
$('relay-help').checked = localStorage.getItem('relaycast.relay') !== 'off';
$('relay-help').addEventListener('change', (e) => {
  localStorage.setItem('relaycast.relay', e.target.checked ? 'on' : 'off');
  $('relay-note').hidden = false;
});
init().catch((e) => setState('error', e.message));
