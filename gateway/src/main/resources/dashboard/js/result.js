// A job's result: pretty JSON, and under it a chart for each value that is a quasi-distribution
// or counts, a drawing for each circuit, and metadata.resource_usage as a table.

import { h } from './dom.js';
import { histogram, distribution } from './charts.js';
import { circuitDrawing } from './circuit.js';

const MAX_FIGURES = 32;

function isCircuit(v) {
  return v && typeof v === 'object' && v.__type__ === 'QuantumCircuit';
}

/** Every chartable value in the tree with its JSON path, depth first, at most MAX_FIGURES. */
function figures(value, path, out) {
  if (out.length >= MAX_FIGURES || value === null || typeof value !== 'object') return out;
  if (isCircuit(value)) {
    out.push({ path, figure: circuitDrawing(value.__value__) });
    return out;
  }
  const dist = distribution(value);
  if (dist) {
    out.push({ path, figure: histogram(dist) });
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => figures(v, `${path}[${i}]`, out));
  else for (const [k, v] of Object.entries(value)) figures(v, path ? `${path}.${k}` : k, out);
  return out;
}

function cell(v) {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** {"RUNNING: MAPPING": {"CPU_TIME": 1.2, "QPU_TIME": 0}, ...} as rows of stages, columns of measures. */
function usageTable(usage) {
  const stages = Object.entries(usage);
  const columns = [...new Set(stages.flatMap(([, v]) => (v && typeof v === 'object' ? Object.keys(v) : ['value'])))];
  return h('table', { id: 'resource-usage', class: 'grid' },
    h('thead', null, h('tr', null, h('th', null, 'Stage'), columns.map((c) => h('th', null, c)))),
    h('tbody', null, stages.map(([stage, v]) => h('tr', null, h('th', null, stage),
      columns.map((c) => h('td', { class: 'num' }, v && typeof v === 'object' ? (c in v ? cell(v[c]) : '') : cell(v)))))));
}

export function renderResult(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return h('div', null, h('p', { class: 'muted' }, 'The result is not JSON; shown as saved.'), h('pre', { id: 'result-json' }, text));
  }
  const usage = value && value.metadata && value.metadata.resource_usage;
  return h('div', null,
    h('div', { id: 'figures', class: 'figures' }, figures(value, '', []).map(({ path, figure }) =>
      h('figure', { class: 'figure', 'data-path': path }, figure, h('figcaption', null, path || 'result')))),
    usage && typeof usage === 'object' && h('div', null, h('h3', null, 'Resource usage'), usageTable(usage)),
    h('details', { open: true }, h('summary', null, 'JSON'), h('pre', { id: 'result-json', class: 'json' }, JSON.stringify(value, null, 2))));
}
