// Chat shared by the console and the watch page: history, live messages, the send form.
// Messages are text, never HTML (textContent only).
import { api, showProblem } from './api.js';

/** Renders one chat line; with `moderate`, a delete and a ban button for staff. */
export function chatLine(m, moderate) {
  const li = document.createElement('li');
  const who = document.createElement('span');
  who.className = 'author';
  who.textContent = m.displayName || m.userId;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = m.message;
  li.append(who, text);
  li.dataset.id = m.id;
  if (moderate) {
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'mod delete';
    del.textContent = 'Delete';
    del.addEventListener('click', () => moderate.remove(m).catch((e) => showProblem(e.message)));
    const ban = document.createElement('button');
    ban.type = 'button';
    ban.className = 'mod ban';
    ban.textContent = 'Ban';
    ban.addEventListener('click', () => moderate.ban(m).catch((e) => showProblem(e.message)));
    li.append(del, ban);
  }
  return li;
}

/** Moderation actions for chat lines of a stream (owner, moderators, admins). */
export function moderation(streamId) {
  const base = `/api/livestream/${encodeURIComponent(streamId)}`;
  return {
    remove: (m) => api('DELETE', `${base}/chat/${encodeURIComponent(m.id)}`),
    ban: (m) => api('POST', `${base}/bans`, { userId: m.userId, reason: 'banned from the chat panel' }),
  };
}

/** A line a moderator deleted (chat:deleted) leaves every page. */
export function removeChat(list, id) {
  list.querySelector(`li[data-id="${CSS.escape(String(id))}"]`)?.remove();
}

/** Adds a message unless it is already shown (history and live messages overlap). */
export function appendChat(list, m, moderate) {
  if (list.querySelector(`li[data-id="${CSS.escape(String(m.id))}"]`)) return;
  list.append(chatLine(m, moderate));
  const scroller = list.closest('.chat') || list; // the log around the list scrolls
  scroller.scrollTop = scroller.scrollHeight;
}

/**
 * Wires a chat panel: `send(text)` is called for each message typed in the form. A message stays
 * in the box until it comes back from the server; a refusal (`refused(error)`) leaves it there
 * with the reason beside it, counting down where waiting helps (slow mode).
 * Returns { show(message), remove(id), moderate(), loadHistory(), refused(error), disable(why), enable() }.
 */
export function chatPanel({ streamId, list, form, input, send, reason }) {
  let moderate = null;
  let pending = null;
  let closedWhy = input.disabled ? '' : null; // a page may start closed until it knows
  let waitUntil = 0;
  let ticker = null;
  const button = form.querySelector('button[type=submit]');
  const say = (text) => { if (reason) reason.textContent = text; };

  function refreshControls() {
    const waiting = Date.now() < waitUntil;
    input.disabled = closedWhy !== null;
    button.disabled = closedWhy !== null || waiting;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || closedWhy !== null || Date.now() < waitUntil) return;
    pending = text;
    say('');
    send(text);
  });
  return {
    show(m) {
      appendChat(list, m, moderate);
      if (pending !== null && m.message === pending) { // ours came back: it was accepted
        if (input.value.trim() === pending) input.value = '';
        pending = null;
      }
    },
    remove: (id) => removeChat(list, id),
    /** Staff get delete and ban buttons on every line from now on. */
    moderate() { moderate = moderation(streamId); },
    async loadHistory() {
      const history = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}/chat?limit=100`);
      history.messages.forEach((m) => appendChat(list, m, moderate));
    },
    /** An `error` answering chat:send: the text stays, the reason is shown (and counted down). */
    refused(error) {
      pending = null;
      clearInterval(ticker);
      if (error.retryAfter) {
        waitUntil = Date.now() + error.retryAfter * 1000;
        const tick = () => {
          const left = Math.ceil((waitUntil - Date.now()) / 1000);
          if (left <= 0) { clearInterval(ticker); say(''); refreshControls(); return; }
          say(`${error.message} You can send again in ${left} s.`);
        };
        tick();
        ticker = setInterval(tick, 1000);
      } else {
        say(error.message);
      }
      refreshControls();
      if (input.value.trim() === '' && error.text) input.value = error.text;
    },
    /** The viewer cannot chat now (not live, chat off, banned): the box is disabled, the reason shown. */
    disable(why) {
      closedWhy = why;
      say(why);
      refreshControls();
    },
    enable() {
      if (closedWhy === null) return;
      closedWhy = null;
      say('');
      refreshControls();
    },
  };
}
