// "Your streams" in the console: live, scheduled and past streams in their own groups, a few at
// a time (a long list would put dozens of Tab stops before the create form).
import { api } from '../api.js';
import { editStream } from './edit-stream.js';

const GROUPS = [
  { status: 'live', heading: 'Live now', action: 'Resume' },
  { status: 'scheduled', heading: 'Scheduled', action: 'Open' },
  { status: 'ended', heading: 'Past' },
];
const SHOWN = 5;
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function item(s, group, onOpen, reload) {
  const li = document.createElement('li');
  li.dataset.streamId = s.id;
  const what = document.createElement('span');
  const title = document.createElement('strong');
  title.textContent = s.title;
  const when = s.status === 'scheduled' ? s.scheduledAt : s.status === 'live' ? s.startedAt : s.endedAt;
  const meta = document.createElement('span');
  meta.className = 'muted';
  meta.textContent = when ? ` · ${WHEN.format(new Date(when))}` : '';
  what.append(title, meta);
  li.append(what);
  if (group.action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = s.status === 'live' ? 'primary' : '';
    b.textContent = group.action;
    b.setAttribute('aria-label', `${group.action} “${s.title}”`);
    b.addEventListener('click', () => onOpen(s.id));
    li.append(b);
    if (s.status === 'scheduled') {
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.textContent = 'Edit';
      edit.setAttribute('aria-label', `Change or cancel “${s.title}”`);
      edit.addEventListener('click', () => editStream(s, reload));
      li.append(edit);
    }
  } else {
    const links = document.createElement('span');
    links.className = 'row';
    const report = document.createElement('a');
    report.href = `/report/${encodeURIComponent(s.id)}`;
    report.textContent = 'Report';
    links.append(report);
    if (s.recordingEnabled) {
      const vod = document.createElement('a');
      vod.href = `/vod/${encodeURIComponent(s.id)}`;
      vod.textContent = 'Recording';
      links.append(vod);
    }
    li.append(links);
  }
  return li;
}

/** Fills `container` with the broadcaster's streams, grouped; returns how many there are. */
export async function listMine(userId, container, onOpen) {
  const { streams } = await api('GET', `/api/livestream/user/${encodeURIComponent(userId)}?limit=100`);
  const reload = () => listMine(userId, container, onOpen);
  const sections = GROUPS.map((group) => {
    const mine = streams.filter((s) => s.status === group.status);
    if (mine.length === 0) return null;
    const section = document.createElement('section');
    const h = document.createElement('h3');
    h.textContent = `${group.heading} (${mine.length})`;
    const ul = document.createElement('ul');
    ul.append(...mine.slice(0, SHOWN).map((s) => item(s, group, onOpen, reload)));
    section.append(h, ul);
    if (mine.length > SHOWN) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'quiet';
      more.textContent = `Show all ${mine.length}`;
      more.addEventListener('click', () => {
        ul.replaceChildren(...mine.map((s) => item(s, group, onOpen, reload)));
        more.remove();
        ul.children[SHOWN]?.querySelector('a, button')?.focus();
      });
      section.append(more);
    }
    return section;
  }).filter(Boolean);
  container.replaceChildren(...sections);
  return streams.length;
}
