"""Fits lifetimes' ModifiedBetaGeoFitter (MBG/NBD) to the CDNOW summary and writes the reference
values MbgNbdOracleTests compares the Java fit with. Run once by hand; the test reads only the output.

    git clone https://github.com/CamDavidsonPilon/lifetimes /tmp/lifetimes   # commit 4f2833f, version 0.11.3
    apt-get install python3-numpy python3-scipy python3-pandas python3-dill   # Debian 12
    PYTHONPATH=/tmp/lifetimes /usr/bin/python3 mbgnbd_lifetimes.py cdnow_customers_summary.csv > mbgnbd_lifetimes_cdnow.csv

Debian has no package of autograd, which lifetimes imports for the gradient and Hessian of its
likelihood. The stand-in below gives lifetimes plain numpy/scipy and central finite differences instead;
the likelihood, the optimiser call (scipy BFGS, tol 1e-7 in lifetimes' own time scaling) and the
predictions are lifetimes' code, unchanged. The fit is then polished from lifetimes' optimum with
scipy's Nelder-Mead on lifetimes' own negative log-likelihood, so that the reference is the maximum to
~1e-9 rather than to the finite-difference gradient's accuracy.
"""
import sys
import types

import numpy
import scipy.optimize
import scipy.special


def _value_and_grad(f):
    def wrapped(x, *args):
        x = numpy.asarray(x, dtype=float)
        grad = numpy.empty_like(x)
        for i in range(x.size):
            h = 1e-6 * max(1.0, abs(x[i]))
            up = x.copy()
            down = x.copy()
            up[i] += h
            down[i] -= h
            grad[i] = (f(up, *args) - f(down, *args)) / (2 * h)
        return f(x, *args), grad
    return wrapped


def _hessian(f):
    def wrapped(x, *args):
        x = numpy.asarray(x, dtype=float)
        n = x.size
        h = 1e-4
        hess = numpy.empty((n, n))
        for i in range(n):
            for j in range(n):
                def at(di, dj):
                    y = x.copy()
                    y[i] += di
                    y[j] += dj
                    return f(y, *args)
                hess[i, j] = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
        return hess
    return wrapped


autograd = types.ModuleType("autograd")
autograd.numpy = numpy
autograd.value_and_grad = _value_and_grad
autograd.hessian = _hessian
autograd_scipy = types.ModuleType("autograd.scipy")
autograd_scipy.special = scipy.special
autograd.scipy = autograd_scipy
sys.modules.update({"autograd": autograd, "autograd.numpy": numpy, "autograd.scipy": autograd_scipy,
                    "autograd.scipy.special": scipy.special})

import pandas  # noqa: E402
import lifetimes  # noqa: E402
from lifetimes import ModifiedBetaGeoFitter  # noqa: E402

summary = pandas.read_csv(sys.argv[1])
x = summary["frequency"].to_numpy(dtype=float)
tx = summary["recency"].to_numpy(dtype=float)
t = summary["T"].to_numpy(dtype=float)
weights = numpy.ones_like(x)

fitter = ModifiedBetaGeoFitter().fit(x, tx, t)
start = numpy.log([fitter.params_[name] for name in ("r", "alpha", "a", "b")])


def mean_negative_log_likelihood(log_params):
    return ModifiedBetaGeoFitter._negative_log_likelihood(log_params, x, tx, t, weights, 0.0)


polished = scipy.optimize.minimize(mean_negative_log_likelihood, start, method="Nelder-Mead",
                                   options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 20000, "maxfev": 40000})
lifetimes_log_likelihood = -mean_negative_log_likelihood(start) * len(x)
r, alpha, a, b = numpy.exp(polished.x)
fitter.params_ = pandas.Series({"r": r, "alpha": alpha, "a": a, "b": b})

print("# lifetimes %s ModifiedBetaGeoFitter on %s (%d customers)" % (lifetimes.__version__, sys.argv[1], len(x)))
print("# lifetimes' own optimum: r=%.6f alpha=%.6f a=%.6f b=%.6f LL=%.6f" % (
    tuple(numpy.exp(start)) + (lifetimes_log_likelihood,)))
print("kind,x,tx,T,value1,value2,value3,value4,value5")
print("params,,,,%.10f,%.10f,%.10f,%.10f,%.8f" % (r, alpha, a, b, -polished.fun * len(x)))
for i in [0, 1, 2, 3, 4, 5, 9, 17, 100, 1000, 2356]:
    alive = fitter.conditional_probability_alive(x[i], tx[i], t[i])[0]
    expected = fitter.conditional_expected_number_of_purchases_up_to_time(39, x[i], tx[i], t[i])
    print("customer,%d,%s,%s,%.10f,%.10f,,," % (x[i], repr(tx[i]), repr(t[i]), alive, expected))
for horizon in [1, 10, 39, 78]:
    print("new,,,%d,%.10f,,,," % (horizon, fitter.expected_number_of_purchases_up_to_time(horizon)))
