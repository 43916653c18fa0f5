// A stream's report (its owner, moderators, admins): totals and the timeline chart.
import { api } from './api.js';
import { timelineChart } from './timeline-chart.js';

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
}

init().catch((e) => {
  $('state').dataset.state = 'error';
  $('state').textContent = e.status === 401 || e.status === 403
    ? 'The report is for the stream\'s owner, moderators and admins: sign in as one of them.' : e.message;
});
