OPENQASM 2.0;
include "qelib1.inc";
gate g() a, b { barrier a, b; swap a, b; }
qreg q[2];
g() q[0], q[1];
g q[1], q[0];
