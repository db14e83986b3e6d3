// Draws report.html from its JSON blob (FleetReportData.cs): the terminal's tables, then one
// Chart.js chart per figure with a table of the same numbers beside it.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('fleet-data').textContent);
  const n = data.replications;

  const { faded, number, element, table, legendByPolicy, axis } = ReportPage;
  const look = policy => ReportPage.look(data.policies.indexOf(policy));

  const captionOf = header =>
    header[0].startsWith('policy −') ? `Paired differences to ${data.baseline}`
      : header.includes('available mean') ? 'What each policy achieved'
      : header.includes('conductor deaths') ? 'Requests refused, and conductor deaths'
      : '';

  // The terminal's tables, as printed: its first line names the scenario, in the header.
  const results = document.getElementById('results');
  data.text.forEach((block, i) => {
    if (block.paragraph !== undefined) {
      if (i === 0) document.getElementById('scenario').textContent = block.paragraph;
      else results.append(element('p', block.paragraph, 'note'));
    } else {
      results.append(table(captionOf(block.header), block.header, block.rows, block.right));
    }
  });
  document.getElementById('replications').textContent = n === 1
    ? `One replication (seed ${data.seeds[0]}): the charts show that run; no band, no interval.`
    : `Seeds of the ${n} replications: ${data.seeds.join(', ')} (in each, every policy met the same random numbers). Differences are taken to ${data.baseline}.`;
  document.getElementById('generator').textContent = `Written by ${data.generator}. Charts drawn with Chart.js ${Chart.version}, inlined in this file.`;

  ReportPage.chartDefaults();

  /** A time series chart: per policy the mean line and, with replications, the min-max band. */
  const timeChart = (key, yTitle) => {
    const datasets = [];
    const days = Math.max(...data[key].map(s => s.days[s.days.length - 1] ?? 0));
    data[key].forEach(series => {
      const { colour, dash, shape } = look(series.policy);
      const xy = values => values.map((y, i) => ({ x: series.days[i], y }));
      if (n > 1) {
        const band = { policy: series.policy, band: true, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, backgroundColor: faded(colour, 0.18) };
        datasets.push(Object.assign({ label: `${series.policy}: highest`, data: xy(series.max), fill: false }, band));
        datasets.push(Object.assign({ label: `${series.policy}: lowest`, data: xy(series.min), fill: '-1' }, band));
      }
      datasets.push({
        label: n > 1 ? `${series.policy} (mean of ${n})` : series.policy,
        policy: series.policy, data: xy(series.mean), borderColor: colour, backgroundColor: colour,
        borderDash: dash, borderWidth: 2, pointRadius: 0, pointHoverRadius: 4, pointStyle: shape,
      });
    });
    return new Chart(document.getElementById(`${key}-chart`), {
      type: 'line',
      data: { datasets },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: axis('days since the start', { type: 'linear', min: 0, max: days, ticks: { stepSize: days > 20 ? 5 : 1 } }),
          y: axis(yTitle, { beginAtZero: true, ticks: { precision: 0 } }),
        },
        plugins: {
          legend: legendByPolicy,
          tooltip: { filter: item => !item.dataset.band, callbacks: { title: items => `day ${number(items[0].parsed.x, 2)}` } },
        },
      },
    });
  };

  const seriesTable = (key, unit) => {
    const series = data[key];
    const header = ['day'];
    series.forEach(s => header.push(...(n > 1 ? [`${s.policy} mean`, `${s.policy} lowest`, `${s.policy} highest`] : [s.policy])));
    const rows = series[0].days.map((day, i) => {
      const row = [number(day, 3)];
      series.forEach(s => row.push(...(n > 1 ? [number(s.mean[i], 3), number(s.min[i], 0), number(s.max[i], 0)] : [number(s.mean[i], 0)])));
      return row;
    });
    document.getElementById(`${key}-table`).append(table(`${unit} at every sample`, header, rows, header.map((_, i) => true)));
  };

  const replicationsText = n > 1 ? `mean of ${n} replications, shaded from the lowest to the highest` : 'one replication';
  timeChart('available', 'nodes available (count)');
  seriesTable('available', 'Nodes available');
  document.getElementById('available-caption').textContent = `Nodes available per policy: ${replicationsText}.`;
  timeChart('maintenance', 'nodes in maintenance (count)');
  seriesTable('maintenance', 'Nodes in maintenance');
  document.getElementById('maintenance-caption').textContent = `Nodes in maintenance per policy: ${replicationsText}.`;

  // Time to repair: repairs per replication in each range, one bar per policy.
  const repair = data.timeToRepair;
  new Chart(document.getElementById('repair-chart'), {
    type: 'bar',
    data: {
      labels: repair.ranges,
      datasets: repair.policies.map(p => {
        const { colour } = look(p.policy);
        return { label: p.policy, policy: p.policy, data: p.perReplication, backgroundColor: colour, borderColor: '#333', borderWidth: 1 };
      }),
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: axis('time out of service (range)'),
        y: axis(n > 1 ? 'repairs per replication (mean)' : 'repairs (count)', { beginAtZero: true }),
      },
      plugins: { legend: { position: 'right' } },
    },
  });
  document.getElementById('repair-caption').textContent =
    'Repairs by time out of service: ' + repair.policies.map(p => `${p.policy} ${number(p.repairs, 1)}`).join(', ') + (n > 1 ? ' repairs per replication.' : ' repairs.');
  document.getElementById('repair-table').append(table(
    n > 1 ? 'Repairs per replication (mean) by time out of service' : 'Repairs by time out of service',
    ['time out of service', ...repair.policies.map(p => p.policy)],
    [...repair.ranges.map((range, i) => [range, ...repair.policies.map(p => number(p.perReplication[i], 3))]),
      ['all', ...repair.policies.map(p => number(p.repairs, 3))]],
    [false, ...repair.policies.map(() => true)]));

  // Tickets: the mean as a bar, each replication as a dot over it.
  const tickets = data.tickets;
  const ticketSets = [{
    type: 'bar', label: n > 1 ? `mean of ${n} replications` : 'tickets', data: tickets.map(t => t.mean),
    backgroundColor: tickets.map(t => faded(look(t.policy).colour, 0.75)), borderColor: '#333', borderWidth: 1, order: 2,
  }];
  if (n > 1) {
    ticketSets.push({
      type: 'line', label: 'each replication', showLine: false, order: 1,
      data: tickets.flatMap(t => t.values.map((y, r) => ({ x: t.policy, y, replication: r }))),
      pointRadius: 4, pointStyle: 'circle', borderColor: '#1a1a1a', backgroundColor: '#ffffff',
    });
  }
  new Chart(document.getElementById('tickets-chart'), {
    data: { labels: tickets.map(t => t.policy), datasets: ticketSets },
    options: {
      maintainAspectRatio: false,
      scales: { x: axis('policy'), y: axis('human tickets (count)', { beginAtZero: true, ticks: { precision: 0 } }) },
      plugins: {
        legend: { display: n > 1, position: 'right' },
        tooltip: {
          callbacks: {
            label: item => item.raw.replication === undefined
              ? `${item.dataset.label}: ${number(item.parsed.y, 1)}`
              : `replication ${item.raw.replication + 1}: ${number(item.parsed.y, 0)}`,
            footer: items => {
              const t = tickets[items[0].dataIndex];
              return t.lower === null ? '' : `95 % interval of the mean: ${number(t.lower, 1)} to ${number(t.upper, 1)}`;
            },
          },
        },
      },
    },
  });
  document.getElementById('tickets-caption').textContent = n > 1
    ? 'Human tickets per policy: the mean over replications (bar) and each replication (dots); the table gives the 95 % interval of the mean.'
    : 'Human tickets per policy in the one replication.';
  document.getElementById('tickets-table').append(table(
    'Human tickets per policy',
    ['policy', ...(n > 1 ? [...data.seeds.map((_, r) => `replication ${r + 1}`), 'mean', '95 % interval'] : ['tickets'])],
    tickets.map(t => [t.policy, ...t.values.map(v => number(v, 0)),
      ...(n > 1 ? [number(t.mean, 1), t.lower === null ? '-' : `${number(t.lower, 1)} to ${number(t.upper, 1)}`] : [])]),
    [false, ...tickets[0].values.map(() => true), ...(n > 1 ? [true, true] : [])]));
})();
