// How this page receives an SFU stream: "Low latency" (WebRTC, under a second behind) or
// "Compatible" (the live HLS rendition, a few seconds behind, but plain HTTPS). Chosen by hand (kept
// for next time), or automatically: a browser without WebRTC, or WebRTC that did not get through
// (no connection 8 s after the SFU's offer, or no frame after 15 s), switches to Compatible.
import { HlsPlayback } from './hls-playback.js';

const KEY = 'relaycast.playback';
const CONNECT_MS = 8000;
const FIRST_FRAME_MS = 15000;

export function playbackChoice({ streamId, video, send, onState, webrtcFrames, closeWebRtc }) {
  const $ = (id) => document.getElementById(id);
  const select = $('playback');
  const note = $('playback-note');
  const hasWebRtc = typeof window.RTCPeerConnection === 'function';
  const hls = new HlsPlayback({ streamId, video, onState, onUnavailable: () => {
    if (hasWebRtc) use('webrtc', 'There is no compatible stream on this server: playing over WebRTC.');
    else onState('error', 'This browser has no WebRTC, and this server offers no compatible stream.');
  } });
  select.querySelector('option[value="webrtc"]').disabled = !hasWebRtc;
  const asked = new URLSearchParams(location.search).get('playback');
  const state = {
    current: !hasWebRtc || asked === 'hls' || (asked !== 'webrtc' && localStorage.getItem(KEY) === 'hls') ? 'hls' : 'webrtc',
    sfu: false,
    live: false,
    guard: null,
  };

  function say(text) {
    note.textContent = text;
    note.hidden = !text;
  }

  function show() {
    select.value = state.current;
    $('layer-choice').hidden = !state.sfu || state.current !== 'webrtc';
    window.relaycastWatch.playback = state.current;
  }

  function use(how, why = '') {
    clearTimeout(state.guard);
    if (how === state.current) return;
    state.current = how;
    send({ type: 'stream:transport', transport: how });
    if (how === 'hls') {
      closeWebRtc();
      if (state.live) hls.start();
    } else {
      hls.stop();
      onState('waiting', 'Connecting…'); // the server sends the SFU's offer again
    }
    say(why);
    show();
  }

  select.addEventListener('change', () => {
    localStorage.setItem(KEY, select.value);
    use(select.value);
  });

  setInterval(() => {
    if (state.current === 'hls' && hls.active) send({ type: 'stats', rttMs: null, lossPercent: null, ...hls.measures() });
  }, 5000);

  return {
    /** What the join asks for (the server keeps WebRTC for streams without HLS). */
    preferred: () => state.current,
    get current() {
      return state.current;
    },
    joined(delivery, status) {
      state.sfu = delivery === 'sfu';
      $('playback-choice').hidden = !state.sfu;
      if (!state.sfu) {
        state.current = 'webrtc'; // only the SFU has the HLS rendition
      } else if (!hasWebRtc) {
        say('This browser has no WebRTC: playing the compatible stream.');
      }
      show();
      if (status === 'live') this.live();
    },
    live() {
      if (state.live) return;
      state.live = true;
      if (state.sfu && state.current === 'hls') hls.start();
    },
    /** The SFU's offer was answered: WebRTC has a few seconds to deliver before Compatible takes over. */
    offered(pc) {
      clearTimeout(state.guard);
      const frames = webrtcFrames();
      state.guard = setTimeout(() => {
        if (pc.connectionState !== 'connected') {
          use('hls', 'WebRTC could not get through this network: playing the compatible stream (a few seconds behind).');
          return;
        }
        state.guard = setTimeout(() => {
          if (state.current === 'webrtc' && webrtcFrames() === frames) {
            use('hls', 'No picture over WebRTC: playing the compatible stream (a few seconds behind).');
          }
        }, FIRST_FRAME_MS - CONNECT_MS);
      }, CONNECT_MS);
    },
    ended() {
      clearTimeout(state.guard);
      state.live = false;
      hls.stop();
    },
    /** The broadcaster is back: a new packager writes on; the player starts afresh once it has. */
    rejoined() {
      if (state.current === 'hls' && state.live) setTimeout(() => { if (state.current === 'hls') hls.start(); }, 6000);
    },
  };
}
