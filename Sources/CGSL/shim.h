// Shim header for GNU GSL (https://www.gnu.org/software/gsl/).
//
// Swift 6 cannot read mutable C globals (they are not concurrency-safe), so the few GSL globals the
// wrapper needs — the version string and the algorithm type pointers — are read through tiny inline
// accessors here. Nothing else belongs in this file: all logic lives in InterlinkStats.
#ifndef INTERLINK_CGSL_SHIM_H
#define INTERLINK_CGSL_SHIM_H

#include <gsl/gsl_version.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>

/// The GSL version string (`gsl_version`), e.g. "2.7.1".
static inline const char *cgsl_version(void) { return gsl_version; }

/// `gsl_rng_mt19937`, the Mersenne Twister generator type.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

/// `gsl_multifit_nlinear_trust`, the trust-region method for nonlinear least squares.
static inline const gsl_multifit_nlinear_type *cgsl_multifit_nlinear_trust(void) {
    return gsl_multifit_nlinear_trust;
}

/// `gsl_multifit_nlinear_trs_lm` (Levenberg–Marquardt) trust-region subproblem.
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_lm(void) {
    return gsl_multifit_nlinear_trs_lm;
}

/// `gsl_multifit_nlinear_trs_lmaccel` (Levenberg–Marquardt with geodesic acceleration).
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_lmaccel(void) {
    return gsl_multifit_nlinear_trs_lmaccel;
}

/// `gsl_multifit_nlinear_trs_dogleg` trust-region subproblem.
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_dogleg(void) {
    return gsl_multifit_nlinear_trs_dogleg;
}

/// `gsl_multifit_nlinear_trs_ddogleg` (double dogleg) trust-region subproblem.
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_ddogleg(void) {
    return gsl_multifit_nlinear_trs_ddogleg;
}

/// `gsl_multifit_nlinear_trs_subspace2D` (2-D subspace) trust-region subproblem.
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_subspace2D(void) {
    return gsl_multifit_nlinear_trs_subspace2D;
}

/// `gsl_multifit_nlinear_scale_marquardt` (Marquardt scaling of the parameters).
static inline const gsl_multifit_nlinear_scale *cgsl_multifit_nlinear_scale_marquardt(void) {
    return gsl_multifit_nlinear_scale_marquardt;
}

/// `gsl_multifit_nlinear_solver_svd` (SVD linear solver, for nearly singular Jacobians).
static inline const gsl_multifit_nlinear_solver *cgsl_multifit_nlinear_solver_svd(void) {
    return gsl_multifit_nlinear_solver_svd;
}

/// `gsl_multifit_nlinear_scale_more` (Moré scaling of the parameters).
static inline const gsl_multifit_nlinear_scale *cgsl_multifit_nlinear_scale_more(void) {
    return gsl_multifit_nlinear_scale_more;
}

/// `gsl_multifit_nlinear_solver_qr` (QR linear solver, the most robust).
static inline const gsl_multifit_nlinear_solver *cgsl_multifit_nlinear_solver_qr(void) {
    return gsl_multifit_nlinear_solver_qr;
}

/// `gsl_root_fsolver_brent`, Brent's bracketing root finder.
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) {
    return gsl_root_fsolver_brent;
}

/// `gsl_min_fminimizer_brent`, Brent's 1-D minimiser.
static inline const gsl_min_fminimizer_type *cgsl_min_fminimizer_brent(void) {
    return gsl_min_fminimizer_brent;
}

/// `gsl_interp_cspline`, natural cubic spline interpolation.
static inline const gsl_interp_type *cgsl_interp_cspline(void) { return gsl_interp_cspline; }

/// `gsl_interp_steffen`, Steffen's monotonicity-preserving interpolation.
static inline const gsl_interp_type *cgsl_interp_steffen(void) { return gsl_interp_steffen; }

/// `gsl_interp_linear`, piecewise linear interpolation.
static inline const gsl_interp_type *cgsl_interp_linear(void) { return gsl_interp_linear; }

#endif
