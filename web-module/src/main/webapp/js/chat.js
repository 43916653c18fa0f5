// Chat shared by the console and the watch page: history, live messages, the send form.
// Messages are text, never HTML (textContent only).
import { api } from './api.js';

/** Renders one chat line. */
export function chatLine(m) {
  const li = document.createElement('li');
  const who = document.createElement('span');
  who.className = 'author';
  who.textContent = m.displayName || m.userId;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = m.message;
  li.append(who, text);
  li.dataset.id = m.id;
  return li;
}

/** Adds a message unless it is already shown (history and live messages overlap). */
export function appendChat(list, m) {
  if (list.querySelector(`li[data-id="${CSS.escape(String(m.id))}"]`)) return;
  list.append(chatLine(m));
  list.scrollTop = list.scrollHeight;
}

/**
 * Wires a chat panel: `send(text)` is called for each message typed in the form.
 * Returns { show(message), loadHistory() }.
 */
export function chatPanel({ streamId, list, form, input, send }) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text) send(text);
    input.value = '';
  });
  return {
    show: (m) => appendChat(list, m),
    async loadHistory() {
      const history = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}/chat?limit=100`);
      history.messages.forEach((m) => appendChat(list, m));
    },
  };
}
