OPENQASM 2.0;
include "qelib1.inc";
opaque mygate(a, b) q, r;
opaque probe q;
qreg q[3];
mygate(pi, 0.5) q[0], q[1];
mygate(1, 2) q[1], q[2];
probe q;
