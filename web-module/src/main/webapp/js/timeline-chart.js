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

/** Draws into `el`, as wide as `el` (it follows the container on phones and resizes); returns { update(buckets) }. */
export function timelineChart(el, buckets, height = 180) {
  stylesheet();
  const widthOf = () => Math.max(200, Math.floor(el.clientWidth || el.parentElement.clientWidth || 320));
  const plot = new uPlot({
    width: widthOf(),
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
  new ResizeObserver(() => {
    const w = widthOf();
    if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height });
  }).observe(el);
  return {
    plot,
    update(next) {
      plot.setData(columns(next));
      el.dataset.points = String(next.length);
    },
  };
}
