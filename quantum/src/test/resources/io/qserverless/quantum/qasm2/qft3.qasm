// Three-qubit quantum Fourier transform of |5>, written with a user gate for the controlled phase.
OPENQASM 2.0;
include "qelib1.inc";
gate cphase(lambda) a, b {
  u1(lambda / 2) a;
  cx a, b;
  u1(-lambda / 2) b;
  cx a, b;
  u1(lambda / 2) b;
}
qreg q[3];
creg c[3];
x q[0];
x q[2];
h q[2];
cphase(pi / 2) q[1], q[2];
cphase(pi / 4) q[0], q[2];
h q[1];
cphase(pi / 2) q[0], q[1];
h q[0];
swap q[0], q[2];
measure q -> c;
