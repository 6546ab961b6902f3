// Teleportation of ry(pi/3)|0> from q[0] to q[2] with OpenQASM 3 block ifs.
OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit c0;
bit c1;
bit[1] out;
ry(pi / 3) q[0];
h q[1];
cx q[1], q[2];
barrier q;
cx q[0], q[1];
h q[0];
c0 = measure q[0];
measure q[1] -> c1[0];
if (c1 == 1) {
  x q[2];
}
if (c0[0] == 1) { z q[2]; }
out[0] = measure q[2];
