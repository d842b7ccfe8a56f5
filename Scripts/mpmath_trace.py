#!/usr/bin/env python3
"""The obvious alternative to `worked-backprop trace`, for Scripts/benchmark.sh: a plain mpmath
script that reads a spec with sigmoid layers and MSE loss, does the forward and backward pass at
35 significant digits and prints every weight gradient to 30 digits. Nothing is certified: the
digits are whatever 35-digit floating point gives.

Usage: Scripts/mpmath_trace.py SPEC [OUTPUT]   (needs mpmath: python3 -m pip install mpmath)"""
import json
import sys

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:
    sys.exit("mpmath_trace.py: the Python package mpmath is missing; install it with "
             "'python3 -m pip install mpmath' (it is used by the benchmark only, never by the package)")

mp.dps = 35


def number(x):
    # Numbers are read from their decimal text, as the tool reads them; "p/q" strings as fractions.
    if isinstance(x, str) and "/" in x:
        p, q = x.split("/")
        return mpf(p) / mpf(q)
    return mpf(str(x))


spec = json.load(open(sys.argv[1]), parse_float=str, parse_int=str)
network = spec["network"]
layers = [int(n) for n in network["layers"]]
if network.get("activation", "sigmoid") != "sigmoid" or network.get("loss", "mse") != "mse":
    sys.exit("mpmath_trace.py: only sigmoid layers with the mse loss are supported")
W = [[[number(w) for w in row] for row in layer] for layer in network["weights"]]
b = [[number(v) for v in layer] for layer in network["biases"]]
x = [number(v) for v in spec["sample"]["input"]]
y = [number(v) for v in spec["sample"]["target"]]

# Forward pass.
activations = [x]
for l in range(len(layers) - 1):
    a = activations[-1]
    z = [mpmath.fsum(w * ai for w, ai in zip(row, a)) + bias for row, bias in zip(W[l], b[l])]
    activations.append([1 / (1 + mpmath.exp(-zi)) for zi in z])

# Backward pass: delta(L) = (a - y) a (1 - a), delta(l) = (W(l+1)^T delta(l+1)) a (1 - a).
a = activations[-1]
delta = [(ai - yi) * ai * (1 - ai) for ai, yi in zip(a, y)]
gradients = [None] * (len(layers) - 1)
for l in range(len(layers) - 2, -1, -1):
    previous = activations[l]
    gradients[l] = [[d * p for p in previous] for d in delta]
    if l > 0:
        back = [mpmath.fsum(W[l][j][k] * delta[j] for j in range(layers[l + 1])) for k in range(layers[l])]
        delta = [g * ai * (1 - ai) for g, ai in zip(back, previous)]

out = open(sys.argv[2], "w") if len(sys.argv) > 2 else sys.stdout
for l, layer in enumerate(gradients, start=1):
    for j, row in enumerate(layer, start=1):
        for k, g in enumerate(row, start=1):
            out.write(f"dL/dw({l})[{j},{k}] = {mpmath.nstr(g, 30)}\n")
