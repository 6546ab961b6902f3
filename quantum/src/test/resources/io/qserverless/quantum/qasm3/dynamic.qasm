// Measurements feeding classical control, for the generated negative cases of ParseErrorsTest.
OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[2] m;
bit odd;
def parity(qubit x, qubit y, qubit a) -> bit { bit b; cx x, a; cy y, a; b = measure a; return b; }
h q[0];
m[0] = measure q[0];
int s = m[0] + 1;
if (s == 2) { x q[1]; } else { h q[1]; }
m[1] = measure q[1];
odd = parity(q[0], q[1], q[2]);
ry(int(m) * pi / 4) q[2];
for uint i in [0:1] { if (m[i]) { z q[2]; } }
