// A circuit drawing in SVG from the circuit JSON of the protocol module (docs/quantum.md):
// a wire per qubit and per clbit, instructions placed left to right in the first column where
// every wire they span is free.

import { h, s, fill } from './dom.js';
import { readQpy } from './qpy.js';

const ROW = 40;
const LEFT = 64;
const BOX = 30;
const CONTROLLED = { cx: 'x', cy: 'y', cz: 'z', ch: 'h', ccx: 'x', crx: 'rx', cry: 'ry', crz: 'rz', cp: 'p', cu1: 'u1', mcx: 'x' };

function expression(p) {
  if (typeof p === 'number') {
    const pi = p / Math.PI;
    for (const d of [1, 2, 3, 4, 6, 8]) {
      const n = pi * d;
      if (Math.abs(n - Math.round(n)) < 1e-9 && Math.round(n) !== 0) {
        const k = Math.round(n);
        return `${k === 1 ? '' : k === -1 ? '-' : k}π${d === 1 ? '' : `/${d}`}`;
      }
    }
    return String(Number(p.toPrecision(3)));
  }
  if (p && typeof p === 'object') {
    if ('parameter' in p) return String(p.parameter);
    if ('binary' in p) return `(${expression(p.left)}${p.binary}${expression(p.right)})`;
    if ('unary' in p) return `${p.unary}(${expression(p.operand)})`;
  }
  return JSON.stringify(p);
}

function wireNames(registers) {
  const qubits = [];
  const clbits = [];
  for (const r of registers || []) {
    const list = r.kind === 'quantum' ? qubits : clbits;
    for (let i = 0; i < r.size; i++) list.push(`${r.name}[${i}]`);
  }
  return { qubits, clbits };
}

/**
 * The drawing of a circuit in any of the envelope's forms: the circuit JSON, QPY (base64 of zlib'd
 * bytes, drawn once decoded) or OpenQASM text (shown as it is).
 */
export function circuitDrawing(circuit) {
  if (typeof circuit === 'string' && circuit.trimStart().startsWith('OPENQASM')) {
    return h('pre', { class: 'qasm' }, circuit);
  }
  if (typeof circuit === 'string') {
    const place = h('div', { class: 'muted' }, 'Reading the QPY circuit…');
    readQpy(circuit).then((c) => fill(place, draw(c)))
      .catch((e) => fill(place, `The page cannot draw this QPY circuit (${e.message}); the JSON below holds it.`));
    return place;
  }
  if (!circuit || typeof circuit !== 'object' || !Array.isArray(circuit.instructions)) {
    return h('p', { class: 'muted' }, 'A circuit value the page does not recognize; the JSON below holds it.');
  }
  return draw(circuit);
}

function draw(circuit) {
  const { qubits, clbits } = wireNames(circuit.registers);
  const n = Math.max(qubits.length, ...circuit.instructions.flatMap((i) => (i.qubits || []).map((q) => q + 1)));
  while (qubits.length < n) qubits.push(`q${qubits.length}`);
  const wires = qubits.length + clbits.length;
  const y = (w) => 24 + w * ROW;
  // One column width for all, wide enough for the longest gate label (e.g. RX(π/3)).
  const col = Math.max(56, ...circuit.instructions.map((i) => labelWidth(labelOf(i)) + 16));
  const free = new Array(wires).fill(0);
  const parts = [];
  for (const ins of circuit.instructions) {
    const qs = ins.qubits || [];
    const cs = (ins.clbits || []).map((c) => qubits.length + c);
    const touched = [...qs, ...cs];
    const spanAll = ins.op === 'barrier' && !qs.length ? [...Array(qubits.length).keys()] : touched;
    if (!spanAll.length) continue;
    const lo = Math.min(...spanAll);
    const hi = Math.max(...spanAll);
    let at = 0;
    for (let w = lo; w <= hi; w++) at = Math.max(at, free[w]);
    for (let w = lo; w <= hi; w++) free[w] = at + 1;
    parts.push(instruction(ins, qs, cs, lo, hi, LEFT + at * col + col / 2, y));
  }
  const width = LEFT + Math.max(1, ...free) * col + 16;
  const height = y(wires - 1) + 24;
  const svg = s('svg', { class: 'circuit', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  qubits.forEach((name, w) => svg.append(s('text', { class: 'wire-name', x: 4, y: y(w) + 4 }, name),
    s('line', { class: 'wire', x1: LEFT - 8, x2: width - 8, y1: y(w), y2: y(w) })));
  clbits.forEach((name, i) => {
    const w = qubits.length + i;
    svg.append(s('text', { class: 'wire-name', x: 4, y: y(w) + 4 }, name),
      s('line', { class: 'wire classical', x1: LEFT - 8, x2: width - 8, y1: y(w) - 1.5, y2: y(w) - 1.5 }),
      s('line', { class: 'wire classical', x1: LEFT - 8, x2: width - 8, y1: y(w) + 1.5, y2: y(w) + 1.5 }));
  });
  svg.append(...parts);
  return svg;
}

function labelWidth(label) {
  return Math.max(BOX, label.length * 7 + 10);
}

function labelOf(ins) {
  const params = (ins.params || []).map(expression);
  const name = (ins.op || '?').toUpperCase();
  return params.length ? `${name}(${params.join(',')})` : name;
}

function box(x, yTop, yBottom, label) {
  const w = labelWidth(label);
  return [s('rect', { class: 'gate', x: x - w / 2, y: yTop - BOX / 2, width: w, height: yBottom - yTop + BOX, rx: 3 }),
    s('text', { class: 'gate-label', x, y: (yTop + yBottom) / 2 + 4, 'text-anchor': 'middle' }, label)];
}

function instruction(ins, qs, cs, lo, hi, x, y) {
  const g = s('g', { class: 'instruction', 'data-op': ins.op });
  const params = (ins.params || []).map(expression);
  const label = labelOf(ins);
  g.append(s('title', null, `${ins.op}${params.length ? `(${params.join(', ')})` : ''} on ${qs.join(', ')}`));
  if (ins.op === 'barrier') {
    g.append(s('line', { class: 'barrier', x1: x, x2: x, y1: y(lo) - ROW / 2 + 4, y2: y(hi) + ROW / 2 - 4 }));
  } else if (ins.op === 'measure') {
    g.append(s('line', { class: 'link classical', x1: x, x2: x, y1: y(qs[0]), y2: y(cs[0]) - 4 }),
      s('path', { class: 'arrow', d: `M${x - 4} ${y(cs[0]) - 8} L${x + 4} ${y(cs[0]) - 8} L${x} ${y(cs[0]) - 2} Z` }),
      ...box(x, y(qs[0]), y(qs[0]), 'M'));
  } else if (ins.op === 'swap' && qs.length === 2) {
    g.append(s('line', { class: 'link', x1: x, x2: x, y1: y(qs[0]), y2: y(qs[1]) }),
      ...qs.flatMap((q) => [s('path', { class: 'swap', d: `M${x - 6} ${y(q) - 6} L${x + 6} ${y(q) + 6} M${x - 6} ${y(q) + 6} L${x + 6} ${y(q) - 6}` })]));
  } else if (CONTROLLED[ins.op] && qs.length >= 2) {
    const target = qs[qs.length - 1];
    const base = CONTROLLED[ins.op];
    g.append(s('line', { class: 'link', x1: x, x2: x, y1: y(lo), y2: y(hi) }),
      ...qs.slice(0, -1).map((q) => s('circle', { class: 'control', cx: x, cy: y(q), r: 5 })));
    if (base === 'x') {
      g.append(s('circle', { class: 'target', cx: x, cy: y(target), r: 10 }),
        s('path', { class: 'target-cross', d: `M${x - 10} ${y(target)} L${x + 10} ${y(target)} M${x} ${y(target) - 10} L${x} ${y(target) + 10}` }));
    } else if (base === 'z') {
      g.append(s('circle', { class: 'control', cx: x, cy: y(target), r: 5 }));
    } else {
      g.append(...box(x, y(target), y(target), params.length ? `${base.toUpperCase()}(${params.join(',')})` : base.toUpperCase()));
    }
  } else {
    g.append(...box(x, y(Math.min(...qs)), y(Math.max(...qs)), label));
  }
  if (ins.condition) {
    g.append(s('text', { class: 'condition', x, y: y(hi) + BOX / 2 + 12, 'text-anchor': 'middle' },
      `if ${ins.condition.register}==${ins.condition.value}`));
  }
  return g;
}
