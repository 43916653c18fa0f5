// Chat shared by the console and the watch page: history, live messages, the send form.
// Messages are text, never HTML (textContent only).
import { api } from './api.js';

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
    del.addEventListener('click', () => moderate.remove(m).catch((e) => alert(e.message)));
    const ban = document.createElement('button');
    ban.type = 'button';
    ban.className = 'mod ban';
    ban.textContent = 'Ban';
    ban.addEventListener('click', () => moderate.ban(m).catch((e) => alert(e.message)));
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
  list.scrollTop = list.scrollHeight;
}

/**
 * Wires a chat panel: `send(text)` is called for each message typed in the form.
 * Returns { show(message), loadHistory() }.
 */
export function chatPanel({ streamId, list, form, input, send }) {
  let moderate = null;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text) send(text);
    input.value = '';
  });
  return {
    show: (m) => appendChat(list, m, moderate),
    remove: (id) => removeChat(list, id),
    /** Staff get delete and ban buttons on every line from now on. */
    moderate() { moderate = moderation(streamId); },
    async loadHistory() {
      const history = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}/chat?limit=100`);
      history.messages.forEach((m) => appendChat(list, m, moderate));
    },
  };
}
