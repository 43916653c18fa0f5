import { api } from './api.js';

const live = document.getElementById('live');
const liveEmpty = document.getElementById('live-empty');
const upcoming = document.getElementById('upcoming');
const recordings = document.getElementById('recordings');

function since(iso) {
  const s = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(r).padStart(2, '0')}`;
}

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

// The tag filter: kept in the address (?tag=), so a filtered page can be shared and reloaded.
let tag = new URLSearchParams(location.search).get('tag') || '';

function tagged(path) {
  return tag ? `${path}&tag=${encodeURIComponent(tag)}` : path;
}

function filterBy(value) {
  tag = value.trim().toLowerCase();
  document.getElementById('tag').value = tag;
  document.getElementById('tag-clear').hidden = !tag;
  history.replaceState(null, '', tag ? `/?tag=${encodeURIComponent(tag)}` : '/');
  refresh();
}

/** A stream's tags as buttons that filter the page by them. */
function tags(s) {
  const span = text('span', '', 'tags');
  for (const t of s.tags || []) {
    const b = text('button', `#${t}`, 'tag quiet');
    b.type = 'button';
    b.setAttribute('aria-label', `Show streams tagged ${t}`);
    b.addEventListener('click', () => filterBy(t));
    span.append(b);
  }
  return span;
}

function card(s) {
  const li = document.createElement('li');
  li.dataset.streamId = s.id;
  const a = document.createElement('a');
  a.href = `/watch/${encodeURIComponent(s.id)}`;
  if (s.thumbnailUrl) {
    const img = document.createElement('img');
    img.src = s.thumbnailUrl;
    img.alt = '';
    a.append(img);
  } else {
    a.append(text('div', '', 'thumb'));
  }
  a.append(text('strong', s.title));
  const by = document.createElement('a');
  by.href = `/profile/${encodeURIComponent(s.userId)}`;
  by.textContent = s.userId;
  const meta = text('div', ` · ${s.currentViewers} watching · live ${since(s.startedAt)}`, 'muted');
  meta.prepend(by);
  li.append(a, meta, tags(s));
  return li;
}

async function refresh() {
  try {
    const [l, u, r] = await Promise.all([
      api('GET', tagged('/api/livestream/active?limit=50')),
      api('GET', tagged('/api/livestream/upcoming?limit=20')),
      api('GET', tagged('/api/livestream/recordings?limit=20')),
    ]);
    document.getElementById('tag-error').hidden = true;
    live.replaceChildren(...l.streams.map(card));
    liveEmpty.hidden = l.streams.length > 0;
    upcoming.replaceChildren(...u.streams.map((s) => {
      const li = text('li', `${new Date(s.scheduledAt).toLocaleString()} — `);
      const a = document.createElement('a');
      a.href = `/watch/${encodeURIComponent(s.id)}`; // says "not started yet" and goes live by itself
      a.textContent = s.title;
      const ics = document.createElement('a');
      ics.href = `/api/livestream/${encodeURIComponent(s.id)}/calendar.ics`;
      ics.textContent = 'Add to calendar';
      ics.setAttribute('aria-label', `Add “${s.title}” to your calendar`);
      li.append(a, text('span', ` (${s.userId}) · `, 'muted'), ics, tags(s));
      return li;
    }));
    recordings.replaceChildren(...r.streams.map((s) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/vod/${encodeURIComponent(s.id)}`;
      a.textContent = s.title;
      li.append(a, text('span', ` — ${s.userId}, ${new Date(s.endedAt).toLocaleString()}`, 'muted'), tags(s));
      return li;
    }));
  } catch (e) {
    if (e.status === 400) { // a tag that cannot exist: say so rather than show nothing
      document.getElementById('tag-error').textContent = 'A tag is one short word of letters and digits.';
      document.getElementById('tag-error').hidden = false;
    }
    console.error(e);
  }
}

document.getElementById('tag-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  filterBy(document.getElementById('tag').value);
});
document.getElementById('tag-clear').addEventListener('click', () => filterBy(''));
document.getElementById('tag').value = tag;
document.getElementById('tag-clear').hidden = !tag;
refresh();
setInterval(refresh, 5000);
