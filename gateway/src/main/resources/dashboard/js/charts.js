// Bar charts of quasi-distributions and counts, drawn as SVG.
//
// Which values are distributions: a non-empty object whose values are all finite numbers and
// whose keys are all outcomes. Qiskit writes outcomes three ways: integers (quasi_dists,
// {"1": 0.5, "3": 0.5}, clbit 0 least significant), hex ("0x3") and bitstrings ({"00": 510,
// "11": 514} from counts). Keys of 0s and 1s of one length with integer values are counts of
// bitstrings; other decimal keys are integers, labelled as bitstrings as wide as the largest.

import { s } from './dom.js';

const MAX_BARS = 256;
const DECIMAL = /^\d+$/;
const HEX = /^0x[0-9a-f]+$/i;
const BITS = /^[01]+$/;

/** {labels, values} sorted by outcome, or null when value is not a distribution. */
export function distribution(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (!entries.length || entries.length > MAX_BARS || !entries.every(([, v]) => typeof v === 'number' && Number.isFinite(v))) return null;
  const keys = entries.map(([k]) => k);
  const width = keys[0].length;
  const bitstrings = keys.every((k) => BITS.test(k) && k.length === width) && entries.every(([, v]) => Number.isInteger(v)) && width > 1;
  let outcomes;
  if (bitstrings) {
    outcomes = entries.map(([k, v]) => ({ n: BigInt(`0b${k}`), v }));
  } else if (keys.every((k) => DECIMAL.test(k)) || keys.every((k) => HEX.test(k))) {
    outcomes = entries.map(([k, v]) => ({ n: BigInt(k), v }));
  } else {
    return null;
  }
  if (new Set(outcomes.map((o) => o.n)).size !== outcomes.length) return null; // "01" and "1": which is it?
  const bits = bitstrings ? width : Math.max(1, ...outcomes.map((o) => o.n.toString(2).length));
  outcomes.sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return {
    labels: outcomes.map((o) => o.n.toString(2).padStart(bits, '0')),
    values: outcomes.map((o) => o.v),
  };
}

function short(v) {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}

/** A bar per outcome, bitstring under it, value over it; the exact value in data-value and the tooltip. */
export function histogram({ labels, values }) {
  const bar = Math.max(8, Math.min(48, Math.floor(480 / labels.length)));
  const gap = Math.max(2, Math.round(bar / 4));
  const labelHeight = bar < 24 ? 12 + 7 * labels[0].length : 20; // rotated labels need their length
  const plot = 160;
  const top = 18;
  const left = 8;
  const width = left * 2 + labels.length * (bar + gap);
  const height = top + plot + labelHeight;
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const scale = high === low ? 0 : plot / (high - low);
  const zero = top + high * scale;
  const svg = s('svg', { class: 'histogram', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  labels.forEach((label, i) => {
    const v = values[i];
    const x = left + i * (bar + gap) + gap / 2;
    const y = v >= 0 ? zero - v * scale : zero;
    const cx = x + bar / 2;
    const under = top + plot + 12;
    svg.append(s('g', { class: 'bar', 'data-label': label, 'data-value': String(v) },
      s('title', null, `${label}: ${v}`),
      s('rect', { x, y, width: bar, height: Math.max(Math.abs(v) * scale, v === 0 ? 0 : 1) }),
      s('text', { class: 'value', x: cx, y: y - 4, 'text-anchor': 'middle' }, short(v)),
      bar < 24
        ? s('text', { class: 'label', x: cx, y: under, transform: `rotate(90 ${cx} ${under})`, 'dominant-baseline': 'middle' }, label)
        : s('text', { class: 'label', x: cx, y: under, 'text-anchor': 'middle' }, label)));
  });
  svg.prepend(s('line', { class: 'axis', x1: 0, x2: width, y1: zero, y2: zero }));
  return svg;
}
