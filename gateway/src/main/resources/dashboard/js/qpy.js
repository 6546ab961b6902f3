// Reads the first circuit of a QPY payload (versions 13-17; base64 of zlib'd bytes, as circuits
// travel in the value envelope) far enough to draw it: its registers, and per instruction the
// gate, qubits, clbits, condition and numeric or named parameters. The layout follows Qiskit's
// qiskit/qpy/formats.py, as the protocol module's Java reader does; what a drawing does not need
// (metadata, custom gate bodies, layouts) is skipped by its stated size.

const MIN_VERSION = 13;
const MAX_VERSION = 17;
// Qiskit class names whose gate name is not the class name less "Gate", lower-cased.
const GATE_NAMES = { PhaseGate: 'p', CPhaseGate: 'cp', UGate: 'u', CUGate: 'cu', MCXGate: 'mcx', C3XGate: 'mcx',
  C4XGate: 'mcx', MCPhaseGate: 'mcp', iSwapGate: 'iswap', SdgGate: 'sdg', TdgGate: 'tdg', SXdgGate: 'sxdg' };

class Input {
  constructor(bytes) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = 0;
  }

  take(n) {
    if (n < 0 || this.at + n > this.view.byteLength) throw new Error('the QPY data ends early');
    const start = this.at;
    this.at += n;
    return start;
  }

  u8() { return this.view.getUint8(this.take(1)); }
  u16() { return this.view.getUint16(this.take(2)); }
  u32() { return this.view.getUint32(this.take(4)); }
  i64() { return Number(this.view.getBigInt64(this.take(8))); }
  i64le() { return Number(this.view.getBigInt64(this.take(8), true)); }
  f64le() { return this.view.getFloat64(this.take(8), true); }
  char() { return String.fromCharCode(this.u8()); }
  skip(n) { this.take(n); }

  utf8(n) {
    const start = this.take(n);
    return new TextDecoder().decode(new Uint8Array(this.view.buffer, this.view.byteOffset + start, n));
  }
}

async function inflate(base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function opName(className, custom) {
  if (custom) return className.replace(/_[0-9a-f]{32}$/, '');
  return GATE_NAMES[className] || className.replace(/Gate$/, '').toLowerCase();
}

// An instruction parameter (QPY <= 17 writes its numbers little-endian): a number or {parameter}.
function param(input, type, size) {
  const end = input.at + size;
  let value;
  if (type === 'f') value = input.f64le();
  else if (type === 'i') value = input.i64le();
  else if (type === 'p' || type === 'v') {
    const nameSize = input.u16();
    const length = type === 'v' ? input.i64() : 0;
    input.skip(16);
    const index = type === 'v' ? input.i64() : null;
    value = { parameter: input.utf8(nameSize) + (index === null || length === 0 ? '' : `[${index}]`) };
  } else {
    value = { parameter: type === 'e' ? 'expr' : '?' };
  }
  input.at = end;
  return value;
}

function readCircuit(input, version) {
  const nameSize = input.u16();
  input.char();
  const phaseSize = input.u16();
  const numQubits = input.u32();
  const numClbits = input.u32();
  const metadataSize = input.i64();
  const numRegisters = input.u32();
  const numInstructions = input.i64();
  if (input.u32() > 0) throw new Error('the circuit has classical variables');
  input.skip(nameSize + phaseSize + metadataSize);
  const registers = [];
  for (let i = 0; i < numRegisters; i++) {
    const kind = input.char();
    input.u8();
    const size = input.u32();
    const regNameSize = input.u16();
    const inCircuit = input.u8();
    const name = input.utf8(regNameSize);
    input.skip(8 * size);
    if (inCircuit) registers.push({ kind: kind === 'q' ? 'quantum' : 'classical', name, size });
  }
  if (version >= 15) {
    for (let n = input.u32(); n > 0; n--) {
      const namespaceSize = input.u32();
      input.skip(namespaceSize + input.i64());
    }
  }
  const customs = new Set();
  for (let n = input.i64(); n > 0; n--) {
    const keySize = input.u16();
    input.char();
    input.skip(8);
    const hasDefinition = input.u8();
    const size = input.i64();
    input.skip(8);
    const baseSize = input.i64();
    customs.add(input.utf8(keySize));
    input.skip((hasDefinition ? size : 0) + baseSize);
  }
  const instructions = [];
  for (let n = 0; n < numInstructions; n++) {
    const classSize = input.u16();
    const labelSize = input.u16();
    const numParams = input.u16();
    const numQargs = input.u32();
    const numCargs = input.u32();
    const extras = input.u8();
    const conditionSize = input.u16();
    const conditionValue = input.i64();
    input.skip(8);
    const className = input.utf8(classSize);
    input.skip(labelSize);
    const conditionRegister = input.utf8(conditionSize);
    if (extras & 0x80) throw new Error('the circuit has instruction annotations');
    const bits = (count) => Array.from({ length: count }, () => { input.char(); return input.u32(); });
    const qubits = bits(numQargs);
    const clbits = bits(numCargs);
    const params = Array.from({ length: numParams }, () => { const type = input.char(); return param(input, type, input.i64()); });
    if (className === 'GlobalPhaseGate') continue;
    const ins = { op: opName(className, customs.has(className)), qubits, clbits, params };
    if ((extras & 3) === 1) {
      ins.condition = { register: conditionRegister.startsWith('\0') ? `clbit ${conditionRegister.slice(1)}` : conditionRegister, value: conditionValue };
    }
    instructions.push(ins);
  }
  for (const [kind, count, name] of [['quantum', numQubits, 'q'], ['classical', numClbits, 'c']]) {
    if (count > 0 && !registers.some((r) => r.kind === kind)) registers.push({ kind, name, size: count });
  }
  return { registers, instructions };
}

/** The first circuit of base64 QPY as {registers, instructions} (the shape of the circuit JSON). */
export async function readQpy(base64) {
  const input = new Input(await inflate(base64));
  if (input.utf8(6) !== 'QISKIT') throw new Error('not QPY data');
  const version = input.u8();
  if (version < MIN_VERSION || version > MAX_VERSION) throw new Error(`QPY version ${version} (the page reads ${MIN_VERSION} to ${MAX_VERSION})`);
  input.skip(3);
  const count = input.i64();
  input.char();
  if (input.char() !== 'q' || count < 1) throw new Error('the QPY data holds no circuit');
  if (version >= 16) input.at = input.i64();
  return readCircuit(input, version);
}
