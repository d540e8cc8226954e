// Draws the charts page's series with uPlot (served from its WebJar); the tables under each chart hold the same
// numbers for anyone who cannot see the chart.
const data = JSON.parse(document.getElementById('chart-data').textContent);
const palette = ['#0b4f9c', '#a4001d', '#1d5e20', '#7a4a00', '#5b2a86', '#00627a', '#6b6b6b', '#b35900'];

function draw() {
  for (const el of document.querySelectorAll('[data-chart]')) {
    const s = data[el.dataset.chart];
    const names = Object.keys(s.values);
    if (names.length === 0) continue;
    const xs = s.days.map(d => Date.parse(d + 'T00:00:00Z') / 1000);
    const opts = {
      width: Math.min(1100, el.clientWidth || 900), height: 260,
      series: [{}, ...names.map((n, i) => ({ label: n, stroke: palette[i % palette.length], width: 2, spanGaps: true }))],
      axes: [{}, {}],
    };
    new uPlot(opts, [xs, ...names.map(n => s.values[n])], el);
  }
}

if (window.uPlot) draw(); else window.addEventListener('load', draw);
