// A poll's results as a bar chart (uPlot, the chart library of the timeline), redrawn from every
// poll:update. Decorative beside the option buttons, which say the same figures as text.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

function stylesheet() {
  if (document.getElementById('uplot-css')) return;
  const link = Object.assign(document.createElement('link'), { id: 'uplot-css', rel: 'stylesheet',
    href: '/webjars/uplot/1.6.30/dist/uPlot.min.css' });
  document.head.append(link);
}

const short = (text) => (text.length > 14 ? `${text.slice(0, 13)}…` : text);

/** Draws into `el`; returns show(options, votes), which redraws in place while the options stay the same. */
export function pollChart(el, height = 140) {
  stylesheet();
  let plot = null;
  let labels = null;
  const widthOf = () => Math.max(200, Math.floor(el.clientWidth || el.parentElement?.clientWidth || 280));
  return function show(options, votes) {
    const data = [options.map((_, i) => i), votes.slice()];
    el.dataset.votes = votes.join(',');
    if (plot && labels === options.join('\n')) {
      plot.setData(data);
      return;
    }
    plot?.destroy();
    labels = options.join('\n');
    plot = new uPlot({
      width: widthOf(),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, options.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [
        { values: (u, splits) => splits.map((i) => (Number.isInteger(i) && options[i] ? short(options[i]) : '')),
          splits: () => options.map((_, i) => i) },
        { values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? v : '')) },
      ],
      series: [{}, { label: 'Votes', fill: '#2a6df4', stroke: '#2a6df4', paths: uPlot.paths.bars({ size: [0.6, 80] }),
        points: { show: false } }],
    }, data, el);
  };
}
