OPENQASM 3.0;
include "stdgates.inc";
input float[64] theta;
input angle phi;
gate rot(a, b) t { rz(b) t; U(a ** 2, 0, π) t; gphase(-a / 2); }
gate twice q0, q1 { ctrl @ rot(0.5, tau / 4) q0, q1; inv @ s q1; }
qubit[3] q;
qreg r[1];
bit[3] c;
creg d[1];
rx(theta) q[0];
rot(2 * theta + phi, euler) q[1];
twice q[0], q[2];
ctrl @ x q[0], q[1];
ctrl(2) @ x q[0], q[1], r[0];
negctrl @ h q[2], q[0];
inv @ pow(2) @ t q[1];
ctrl @ inv @ sx q[0], r[0];
pow(-1) @ rz(0.25) q[2];
ctrl @ gphase(pi / 2) q[1];
gphase(0.125);
reset r[0];
barrier q, r;
barrier;
c = measure q;
measure r[0] -> d[0];
if (c == 5) {
  U(1, 2, 3) q[0];
  CX q[0], q[1];
}
