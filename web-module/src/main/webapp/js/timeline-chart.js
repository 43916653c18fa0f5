// A stream's timeline as a chart (uPlot, served from this server): viewers watching, chat
// messages and likes per bucket. Shared by the console (live) and the report page (after the end).
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

function stylesheet() {
  if (document.getElementById('uplot-css')) return;
  const link = document.createElement('link');
  link.id = 'uplot-css';
  link.rel = 'stylesheet';
  link.href = '/webjars/uplot/1.6.30/dist/uPlot.min.css';
  document.head.append(link);
}

function columns(buckets) {
  return [
    buckets.map((b) => Date.parse(b.at) / 1000),
    buckets.map((b) => b.viewers),
    buckets.map((b) => b.chatMessages),
    buckets.map((b) => b.likes),
  ];
}

/** Draws into `el`; returns { update(buckets) }. */
export function timelineChart(el, buckets, width = 480, height = 180) {
  stylesheet();
  const plot = new uPlot({
    width,
    height,
    series: [
      {},
      { label: 'Viewers', stroke: '#2a6df4', width: 2 },
      { label: 'Chat', stroke: '#1a9e55', width: 1 },
      { label: 'Likes', stroke: '#d6336c', width: 1 },
    ],
    axes: [{}, { label: 'per bucket' }],
  }, columns(buckets), el);
  el.dataset.points = String(buckets.length);
  return {
    plot,
    update(next) {
      plot.setData(columns(next));
      el.dataset.points = String(next.length);
    },
  };
}
