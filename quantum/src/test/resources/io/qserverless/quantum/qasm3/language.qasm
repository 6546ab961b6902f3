// The OpenQASM 3 classical language, for the generated negative cases of ParseErrorsTest.
OPENQASM 3.0;
include "stdgates.inc";
const int n = 2;
input float[64] theta;
array[float[64], 2] angles = {pi / 2, theta};
qubit[3] q;
bit[2] m;
bit r;
def rot(qubit a, float[64] t) -> int { ry(t) a; return 1; }
int k = rot(q[0], angles[0]) + n * 2;
for int i in [0:n - 1] { if (i == 1) continue; h q[i]; }
while (k > 4) { k -= 1; }
m[0] = measure q[0];
m[1] = measure q[1];
if (m[0] && !(m[1] == 1)) { x q[2]; } else { z q[2]; }
switch (m) { case 0 { } case 1, 2 { h q[2]; } default { x q[2]; } }
let a = q[1:2];
box { delay[100ns] a; }
r = measure q[2];
angle[4] phi = 3 * pi / 4;
rz(phi << 1) q[0];
measure q[1];
while (r == 0) { h q[2]; r = measure q[2]; if (r) break; }
