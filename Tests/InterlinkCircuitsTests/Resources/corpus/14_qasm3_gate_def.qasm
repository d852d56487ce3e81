OPENQASM 3.0;
include "stdgates.inc";
gate rzz2(θ) a, b { cx a, b; rz(θ) b; cx a, b; }
gate layer(θ) a, b, c { rzz2(θ) a, b; rzz2(θ / 2) b, c; rx(2 * θ) a; }
qubit[3] q;
layer(pi ** 2) q[0], q[1], q[2];
barrier;
