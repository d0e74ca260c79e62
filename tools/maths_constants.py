#!/usr/bin/env python3
"""The constants of the engine's own maths (Sources/CKernels/portable_maths.c),
worked out at 400 digits with mpmath and printed as C hex-float literals:
    python3 tools/maths_constants.py
- ln 2 and π/2 split into a head with few bits (so k·head is exact for the
  k the reductions use) and tails;
- π/2, π, atan(1/2), atan(1), atan(2), atan(4) as double-double pairs;
- the bits of 2/π for the reduction of huge arguments (Payne–Hanek), 64 a word.
Nothing here runs at build time; the file's constants were pasted from this."""
import mpmath
mpmath.mp.dps = 400

def hexf(x):
    return float(x).hex()

def head(x, bits):
    """x rounded to `bits` significant bits."""
    m, e = mpmath.frexp(x)
    return mpmath.ldexp(mpmath.nint(mpmath.ldexp(m, bits)), e - bits)

def dd(name, x):
    h = mpmath.mpf(float(x))
    l = mpmath.mpf(float(x - h))
    print(f"static const double {name}_H = {hexf(h)}, {name}_L = {hexf(l)};")

ln2 = mpmath.log(2)
h = head(ln2, 42)
print(f"static const double LN2_HI = {hexf(h)};   /* 42 bits: k * LN2_HI is exact for |k| < 2^11 */")
l = mpmath.mpf(float(ln2 - h))
print(f"static const double LN2_LO = {hexf(l)};")
print(f"static const double LN2_LO2 = {hexf(ln2 - h - l)};")
print(f"static const double INV_LN2 = {hexf(1 / ln2)};")

pio2 = mpmath.pi / 2
p1 = head(pio2, 33); p2 = head(pio2 - p1, 33); p3 = head(pio2 - p1 - p2, 33)
print(f"static const double PIO2_1 = {hexf(p1)}, PIO2_2 = {hexf(p2)}, PIO2_3 = {hexf(p3)};   /* 33 bits each */")
print(f"static const double PIO2_3T = {hexf(pio2 - p1 - p2 - p3)};")
print(f"static const double TWO_OVER_PI = {hexf(2 / mpmath.pi)};")
dd("PIO2", pio2)
dd("PI", mpmath.pi)
for c, name in [(mpmath.mpf(1) / 2, "ATAN_HALF"), (1, "ATAN_ONE"), (2, "ATAN_TWO"), (4, "ATAN_FOUR")]:
    dd(name, mpmath.atan(c))

# 2/π = Σ b_i 2^-i, i = 1, 2, ...: word w holds bits 64w + 1 … 64w + 64, the first in its top bit.
words = 20
bits = int(mpmath.floor(mpmath.ldexp(2 / mpmath.pi, 64 * words)))
ws = [(bits >> (64 * (words - 1 - w))) & (2**64 - 1) for w in range(words)]
print("static const uint64_t TWO_OVER_PI_BITS[%d] = {" % words)
for i in range(0, words, 4):
    print("    " + ", ".join("0x%016xULL" % w for w in ws[i:i + 4]) + ",")
print("};")

# exp: 2^(j/128) for j = 0 … 127 as pairs (hi + lo), and ln 2 / 128 split
# into a 35-bit head (k · head is exact for |k| < 2^18) and a tail.
print("static const double EXP_TABLE[128][2] = {")
for j in range(128):
    v = mpmath.power(2, mpmath.mpf(j) / 128)
    h = mpmath.mpf(float(v)); l = float(v - h)
    print(f"    {{{hexf(h)}, {l.hex()}}},")
print("};")
l128 = ln2 / 128
h = head(l128, 35)
print(f"static const double LN2_128_HI = {hexf(h)}, LN2_128_LO = {hexf(l128 - h)};")
print(f"static const double INV_LN2_128 = {hexf(128 / ln2)};")

# log: centres c_i = 1 + (i − 38)/128 for i = 0 … 91 (c_38 = 1), their
# reciprocals rounded to doubles, and −log of each stored reciprocal as a pair.
print("static const double LOG_TABLE[92][3] = {   /* 1/c, −log(1/c) hi, lo */")
for i in range(92):
    c = 1 + mpmath.mpf(i - 38) / 128
    inv = float(1 / c)
    v = -mpmath.log(mpmath.mpf(inv))
    h = mpmath.mpf(float(v)); l = float(v - h)
    print(f"    {{{inv.hex()}, {hexf(h)}, {l.hex()}}},")
print("};")
