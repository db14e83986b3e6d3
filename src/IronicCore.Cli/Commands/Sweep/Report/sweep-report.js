// Draws the sweep's report.html from its JSON blob (SweepHtmlReport.cs): the printed tables, then
// one Chart.js chart per metric and swept parameter, with a table of the same numbers beside it.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('sweep-data').textContent);
  const { look, faded, number, element, table, legendByPolicy, axis } = ReportPage;

  // The printed tables: the first paragraph describes the sweep; each other one captions the next table.
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
  ReportPage.chartDefaults();

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
      const { colour, dash, shape } = look(p);
      if (s.lower.some(v => v !== null)) {
        const band = { policy: s.policy, band: true, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, backgroundColor: faded(colour, 0.18), spanGaps: true };
        datasets.push(Object.assign({ label: `${s.policy}: upper`, data: s.upper, fill: false }, band));
        datasets.push(Object.assign({ label: `${s.policy}: lower`, data: s.lower, fill: '-1' }, band));
      }
      datasets.push({
        label: s.policy, policy: s.policy, data: s.mean, borderColor: colour, backgroundColor: colour,
        borderDash: dash, borderWidth: 2, pointRadius: 4, pointStyle: shape, spanGaps: true,
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
