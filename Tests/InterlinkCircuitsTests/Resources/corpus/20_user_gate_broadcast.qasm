OPENQASM 2.0;
include "qelib1.inc";
gate zz(t) a, b { cx a, b; u1(t) b; cx a, b; }
gate prep a { h a; t a; }
qreg x[3];
qreg y[3];
prep x;
zz(pi/3) x, y;
zz(0.1) x[0], y;
