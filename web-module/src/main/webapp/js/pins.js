// Pinned links and products on the watch page and in the console: text only, links to http(s)
// URLs that open in a new tab without referrer.
import { api, showProblem } from './api.js';

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function card(pin, onRemove) {
  const li = document.createElement('li');
  li.className = 'pin';
  li.dataset.pinId = pin.pinId;
  const title = document.createElement('strong');
  title.textContent = pin.title;
  li.append(title);
  if (pin.price) {
    const price = document.createElement('span');
    price.className = 'price';
    price.textContent = ` ${pin.price}`;
    li.append(price);
  }
  if (pin.description) {
    const d = document.createElement('p');
    d.textContent = pin.description;
    li.append(d);
  }
  const href = safeHref(pin.url);
  if (href) {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer nofollow';
    a.textContent = new URL(href).host;
    li.append(a);
  }
  if (onRemove) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'unpin';
    b.textContent = 'Unpin';
    b.addEventListener('click', () => onRemove(pin.pinId));
    li.append(' ', b);
  }
  return li;
}

/** A live list of a stream's pins; `owner` adds unpin buttons. Returns { load, added, removed }. */
export function pinList(streamId, list, owner = false) {
  const base = `/api/livestream/${encodeURIComponent(streamId)}/pins`;
  const remove = owner ? (id) => api('DELETE', `${base}/${encodeURIComponent(id)}`).catch((e) => showProblem(e.message)) : null;
  const show = () => { list.hidden = list.children.length === 0; };
  return {
    async load() {
      const r = await api('GET', base);
      list.replaceChildren(...r.pins.map((p) => card(p, remove)));
      show();
    },
    added(pin) {
      if (!list.querySelector(`li[data-pin-id="${CSS.escape(pin.pinId)}"]`)) list.append(card(pin, remove));
      show();
    },
    removed(pinId) {
      list.querySelector(`li[data-pin-id="${CSS.escape(pinId)}"]`)?.remove();
      show();
    },
    pin: (fields) => api('POST', base, fields),
  };
}
