#!/usr/bin/env python3
"""How close the engine's own maths is to the exact value, beside the platform's
libm: N random arguments per function (default 20,000), each result's error in
ULPs of the exact value worked out by mpmath at 200 bits.
    python3 tools/maths_accuracy.py [N]
It compiles Sources/CKernels/portable_maths.c with clang as the package does
(-O3 -ffp-contract=off) into a temporary shared library."""
import ctypes, math, os, random, subprocess, sys, tempfile
import mpmath
mpmath.mp.prec = 200
here = os.path.dirname(os.path.abspath(__file__))
lib = os.path.join(tempfile.mkdtemp(), 'libportable.so')
subprocess.run(['clang', '-O3', '-shared', '-fPIC', '-ffp-contract=off', '-fno-math-errno',
                '-I', os.path.join(here, '../Sources/CKernels/include'),
                os.path.join(here, '../Sources/CKernels/portable_maths.c'), '-o', lib], check=True)
L = ctypes.CDLL(lib); libm = ctypes.CDLL('libm.so.6')
def f(lib, name, nargs=1):
    fn = getattr(lib, name); fn.restype = ctypes.c_double; fn.argtypes = [ctypes.c_double]*nargs; return fn
def ulperr(y, exact):
    # error in ulps of the exact value's binade
    if exact == 0: return 0 if y == 0 else float('inf')
    e = mpmath.mpf(exact); m, ex = mpmath.frexp(e); ulp = mpmath.ldexp(1, ex - 53)
    return float(abs(mpmath.mpf(y) - e) / ulp)
random.seed(1)
cases = {
 'exp': (lambda: random.uniform(-700, 700), mpmath.exp),
 'log': (lambda: math.exp(random.uniform(-690, 690)), mpmath.log),
 'log1p': (lambda: random.uniform(-0.9999, 1), mpmath.log1p),
 'sin': (lambda: random.uniform(-10, 10), mpmath.sin),
 'cos': (lambda: random.uniform(-10, 10), mpmath.cos),
 'sin ': (lambda: math.exp(random.uniform(math.log(1e6), math.log(1e300))), mpmath.sin),
}
N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
for name, (gen, ref) in cases.items():
    mine = f(L, 'demystify_' + name.strip()); plat = f(libm, name.strip())
    wm = wp = 0; sm = 0
    for _ in range(N):
        x = gen(); ex = ref(mpmath.mpf(x))
        em = ulperr(mine(x), ex); ep = ulperr(plat(x), ex)
        wm = max(wm, em); wp = max(wp, ep); sm += em > 0.5
    print(f"{name:6s} own: at most {wm:.3f} ULP from exact ({100*sm/N:.2f} % not the nearest double); libm: {wp:.3f}")
# cos 2πu and sin 2πu of a turn u in [0, 1) (Box–Muller's angle), against the exact value at 2πu.
st = L.demystify_sincos_turns; st.restype = None
st.argtypes = [ctypes.c_double, ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_double)]
w = 0
for _ in range(N):
    u = random.random(); s_, c_ = ctypes.c_double(), ctypes.c_double()
    st(u, ctypes.byref(s_), ctypes.byref(c_))
    t = 2 * mpmath.pi * mpmath.mpf(u)
    w = max(w, ulperr(s_.value, mpmath.sin(t)), ulperr(c_.value, mpmath.cos(t)))
print(f"turns  own: at most {w:.3f} ULP from exact (sin and cos of 2πu)")
mine = f(L, 'demystify_atan2', 2); plat = f(libm, 'atan2', 2)
wm = wp = 0
for _ in range(N):
    y, x = random.uniform(-10, 10), random.uniform(-10, 10)
    ex = mpmath.atan2(mpmath.mpf(y), mpmath.mpf(x)); wm = max(wm, ulperr(mine(y, x), ex)); wp = max(wp, ulperr(plat(y, x), ex))
print(f"atan2  own: at most {wm:.3f} ULP from exact; libm: {wp:.3f}")
mine = f(L, 'demystify_pow', 2); plat = f(libm, 'pow', 2)
wm = wp = 0
for _ in range(N):
    x, y = math.exp(random.uniform(-5, 5)), random.uniform(-100, 100)
    ex = mpmath.power(mpmath.mpf(x), mpmath.mpf(y)); wm = max(wm, ulperr(mine(x, y), ex)); wp = max(wp, ulperr(plat(x, y), ex))
print(f"pow    own: at most {wm:.3f} ULP from exact; libm: {wp:.3f}")
