// A stream's report (its owner, moderators, admins): totals and the timeline chart.
import { api } from './api.js';
import { timelineChart } from './timeline-chart.js';
import { pollChart } from './poll-chart.js';

const $ = (id) => document.getElementById(id);
const streamId = $('state').dataset.streamId;
const base = `/api/livestream/${encodeURIComponent(streamId)}/stats`;

function duration(seconds) {
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m} min ${seconds % 60} s` : `${seconds} s`;
}

async function init() {
  const report = await api('GET', `${base}/report`);
  // Buckets of about a hundredth of the stream, at least 10 s.
  const start = report.startedAt ? Date.parse(report.startedAt) : Date.now();
  const end = report.endedAt ? Date.parse(report.endedAt) : Date.now();
  const bucket = Math.min(3600, Math.max(10, Math.ceil((end - start) / 1000 / 100)));
  const timeline = await api('GET', `${base}/timeline?bucketSeconds=${bucket}`);
  $('peak').textContent = report.peak;
  $('unique').textContent = report.uniqueViewers;
  $('sessions').textContent = report.sessions;
  $('watch-time').textContent = duration(report.averageWatchSeconds);
  $('chat-count').textContent = report.chatMessages;
  $('like-count').textContent = report.likes;
  $('reaction-count').textContent = Object.entries(report.reactions || {}).map(([e, n]) => `${e} ${n}`).join('  ') || '0';
  $('report').hidden = false;
  $('state').dataset.state = report.status;
  $('state').textContent = report.status === 'ended' ? 'Ended' : report.status === 'live' ? 'Live (figures so far)' : 'Not started';
  timelineChart($('chart'), timeline.buckets, 220);
  await Promise.all([polls(), questions()]);
}

const el = (tag, text, props = {}) => Object.assign(document.createElement(tag), { textContent: text, ...props });

/** Every poll with its results: a chart and the same figures as a table. */
async function polls() {
  const { polls: list } = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}/polls`);
  $('report-polls').hidden = list.length === 0;
  for (const p of list) {
    const total = p.votes.reduce((a, b) => a + b, 0);
    const section = el('section', '', { className: 'poll-result' });
    section.dataset.pollId = p.id;
    const table = el('table', '');
    table.append(el('caption', `${p.question} — ${total} vote${total === 1 ? '' : 's'}${p.state === 'open' ? ' (still open)' : ''}`));
    p.options.forEach((text, i) => {
      const tr = el('tr', '');
      tr.append(el('th', text, { scope: 'row' }), el('td', String(p.votes[i])),
        el('td', total ? `${Math.round((100 * p.votes[i]) / total)} %` : '–'));
      table.append(tr);
    });
    const chart = el('div', '', { className: 'poll-chart' });
    chart.setAttribute('aria-hidden', 'true');
    section.append(table, chart);
    $('poll-results').append(section);
    pollChart(chart)(p.options, p.votes);
  }
}

/** How many questions were asked and answered, and the most upvoted ones. */
async function questions() {
  const { questions: list } = await api('GET', `/api/livestream/${encodeURIComponent(streamId)}/questions?sort=top`);
  $('report-questions').hidden = list.length === 0;
  const answered = list.filter((q) => q.state === 'answered').length;
  $('question-summary').textContent = `${list.length} asked, ${answered} answered.`;
  $('top-questions').replaceChildren(...list.slice(0, 10).map((q) =>
    el('li', `${q.text} — ${q.votes} upvote${q.votes === 1 ? '' : 's'} (${q.state})`)));
}

init().catch((e) => {
  $('state').dataset.state = 'error';
  $('state').textContent = e.status === 401 || e.status === 403
    ? 'The report is for the stream\'s owner, moderators and admins: sign in as one of them.' : e.message;
});
