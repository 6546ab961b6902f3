OPENQASM 2.0;
include "qelib1.inc";
opaque mystery(alpha) a, b;
gate rot(theta, phi) a { rz(phi) a; rx(-theta ^ 2 + sin(pi / 2)) a; barrier a; }
gate pair a, b { cx a, b; rot(0.5, 1e-1) b; }
qreg a[2];
qreg b[2];
creg m[2];
creg n[2];
h a;
cx a, b;
pair a[0], b[1];
u3(pi, -pi/2, ln(exp(1))) b[0];
sx a[1]; sxdg a[1]; csx a[0], a[1]; cu(0.1, 0.2, 0.3, 0.4) b[0], b[1];
rxx(sqrt(2)) a[0], b[0]; rzz(tan(0.3)) a[1], b[1]; rccx a[0], a[1], b[0];
c3x a[0], a[1], b[0], b[1]; c3sqrtx a[0], a[1], b[0], b[1];
reset a[0];
barrier a, b;
measure a -> m;
if (m == 2) measure b -> n;
if (m == 3) reset b;
