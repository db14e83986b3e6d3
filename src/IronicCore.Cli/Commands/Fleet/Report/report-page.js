// What the report pages (fleet's and the sweep's report.html) share: the look of a policy, the
// tables, Chart.js' defaults and a legend that hides a policy's line and band together. Inlined
// into each page before its own script, which reads it as ReportPage.
const ReportPage = (() => {
  'use strict';

  // Okabe and Ito's palette, told apart under every common colour-vision deficiency; lines also
  // differ in dash and point shape, so no policy is told by colour alone.
  const colours = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'];
  const dashes = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [16, 4], [1, 2], [8, 2, 2, 2]];
  const shapes = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'];

  /** The colour, dash and point shape of the i-th policy. */
  const look = i => ({ colour: colours[i % colours.length], dash: dashes[i % dashes.length], shape: shapes[i % shapes.length] });
  const faded = (hex, alpha) => hex + Math.round(alpha * 255).toString(16).padStart(2, '0');
  const number = (value, digits) => value === null ? '-' : value.toLocaleString('en-US', { maximumFractionDigits: digits });

  const element = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };

  /** A table: the first column heads its row; numbers right-aligned where `right` says so; a difference starred when its interval excludes zero. */
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
        const cell = element(i === 0 ? 'th' : 'td', text, right[i] ? 'right' : '');
        if (i === 0) cell.scope = 'row';
        if (i > 0 && text.endsWith(' *')) {
          cell.classList.add('excludes-zero');
          cell.title = 'The 95 % interval of this difference excludes zero';
        }
        row.append(cell);
      });
    });
    return t;
  };

  /** Chart.js as every chart of the pages uses it: still, readable, its legend on the right. */
  const chartDefaults = () => {
    Chart.defaults.animation = false;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = '#1a1a1a';
    Chart.defaults.plugins.legend.position = 'right';
  };

  /** Legend clicks hide or show every dataset of one policy (its line and its band). */
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

  const axis = (title, extra) => Object.assign({ title: { display: true, text: title }, grid: { color: '#e3e3e3' } }, extra);

  return { look, faded, number, element, table, chartDefaults, legendByPolicy, axis };
})();
