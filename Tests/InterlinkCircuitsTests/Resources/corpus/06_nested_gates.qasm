OPENQASM 2.0;
include "qelib1.inc";
gate inner(theta) a { rz(theta) a; sx a; rz(-theta) a; }
gate middle(alpha, beta) a, b { inner(alpha) a; cx a, b; inner(beta/2) b; }
gate outer a, b, c { middle(pi, pi/2) a, b; middle(0, 1) b, c; barrier a, b, c; }
qreg q[3];
outer q[0], q[1], q[2];
outer q[2], q[1], q[0];
