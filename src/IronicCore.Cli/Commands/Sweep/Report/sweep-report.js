// Draws the sweep's report.html from its JSON blob (SweepHtmlReport.cs): the printed tables, then
// one Chart.js chart per metric and swept parameter, with a table of the same numbers beside it.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('sweep-data').textContent);

  // The fleet report's look: Okabe and Ito's palette, and dashes and point shapes, so no policy is told by colour alone.
  const colours = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'];
  const dashes = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [16, 4], [1, 2], [8, 2, 2, 2]];
  const shapes = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'];
  const faded = (hex, alpha) => hex + Math.round(alpha * 255).toString(16).padStart(2, '0');
  const number = (value, digits) => value === null ? '-' : value.toLocaleString('en-US', { maximumFractionDigits: digits });

  const element = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };

  const table = (caption, header, rows, right) => {
    const t = element('table');
    if (caption) t.append(element('caption', caption));
    const head = t.createTHead().insertRow();
    header.forEach((text, i) => {
      const th = element('th', text, right[i] ? 'right' : '');
      th.scope = 'col';
      head.append(th);
    });
    const body = t.createTBody();
    rows.forEach(cells => {
      const row = body.insertRow();
      cells.forEach((text, i) => {
        const cell = element('td', text, right[i] ? 'right' : '');
        if (text.endsWith(' *')) {
          cell.classList.add('excludes-zero');
          cell.title = 'The 95 % interval of this difference excludes zero';
        }
        row.append(cell);
      });
    });
    return t;
  };

  // The printed tables: the first paragraph describes the sweep; each "metric (name):" line captions the next table.
  const tables = document.getElementById('tables');
  let caption = '';
  data.text.forEach((block, i) => {
    if (block.paragraph !== undefined) {
      if (i === 0) document.getElementById('sweep').textContent = block.paragraph;
      else caption = block.paragraph.replace(/:$/, '');
    } else {
      tables.append(table(caption, block.header, block.rows, block.right));
    }
  });
  document.getElementById('generator').textContent = `Written by ${data.generator}. Charts drawn with Chart.js ${Chart.version}, inlined in this file.`;

  Chart.defaults.animation = false;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1a1a1a';

  const legendByPolicy = {
    position: 'right',
    labels: { filter: (item, chartData) => !chartData.datasets[item.datasetIndex].band, usePointStyle: true },
    onClick: (event, item, legend) => {
      const chart = legend.chart;
      const policy = chart.data.datasets[item.datasetIndex].policy;
      const visible = !chart.isDatasetVisible(item.datasetIndex);
      chart.data.datasets.forEach((d, i) => { if (d.policy === policy) chart.setDatasetVisibility(i, visible); });
      chart.update();
    },
  };
  const axis = title => ({ title: { display: true, text: title }, grid: { color: '#e3e3e3' } });

  const charts = document.getElementById('charts');
  data.charts.forEach((c, k) => {
    const title = `${c.label} against ${c.parameter}`;
    const section = element('section');
    section.append(element('h3', title));
    const figure = element('figure');
    const holder = element('div', undefined, 'chart');
    const canvas = element('canvas');
    canvas.id = `chart-${k}`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Line chart: ${title}, one line per policy with its 95 % interval shaded; the numbers are in the table below.`);
    holder.append(canvas);
    figure.append(holder, element('figcaption', `${title}${c.fixed ? ` (${c.fixed})` : ''}: mean over n replications (${c.n.join(', ')}), shaded over its 95 % confidence interval.`));
    const details = element('details');
    details.append(element('summary', "The chart's numbers"));
    const rows = c.values.map((value, i) => [value, String(c.n[i]),
      ...c.series.flatMap(s => [number(s.mean[i], 3), s.lower[i] === null ? '-' : `${number(s.lower[i], 3)} to ${number(s.upper[i], 3)}`])]);
    const header = [c.parameter, 'n', ...c.series.flatMap(s => [`${s.policy} mean`, `${s.policy} 95 % interval`])];
    details.append(table(`${c.label} (${c.unit})`, header, rows, header.map((_, i) => i > 0)));
    section.append(figure, details);
    charts.append(section);

    const datasets = [];
    c.series.forEach((s, p) => {
      const colour = colours[p % colours.length];
      if (s.lower.some(v => v !== null)) {
        const band = { policy: s.policy, band: true, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, backgroundColor: faded(colour, 0.18), spanGaps: true };
        datasets.push(Object.assign({ label: `${s.policy}: upper`, data: s.upper, fill: false }, band));
        datasets.push(Object.assign({ label: `${s.policy}: lower`, data: s.lower, fill: '-1' }, band));
      }
      datasets.push({
        label: s.policy, policy: s.policy, data: s.mean, borderColor: colour, backgroundColor: colour,
        borderDash: dashes[p % dashes.length], borderWidth: 2, pointRadius: 4, pointStyle: shapes[p % shapes.length], spanGaps: true,
      });
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: c.values, datasets },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: { x: axis(c.parameter), y: axis(`${c.label} (${c.unit})`) },
        plugins: { legend: legendByPolicy, tooltip: { filter: item => !item.dataset.band } },
      },
    });
  });
})();
