#!/usr/bin/env bash
# Times `worked-backprop trace` (release build, 30 significant digits, every digit certified) on
# a [784, 128, 64, 10] sigmoid network next to the obvious alternative on the same network in the
# same run: Scripts/mpmath_trace.py, a plain mpmath script (forward and backward pass at 35-digit
# working precision, every weight gradient printed to 30 digits, nothing certified). Prints both
# times, their ratio (goal: trace at most 1/3 of mpmath's time), and the trace time at twice the
# parameter count ([784, 256, 64, 10]: 1.99x), which should be about twice as long.
# Usage: Scripts/benchmark.sh [RUNS]   (default 3 runs of each; the best run counts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# mpmath is for this benchmark only, never for the package.
if ! python3 -c "import mpmath" 2>/dev/null; then
    echo "mpmath is missing; installing it with pip for the benchmark" >&2
    python3 -m pip install --quiet --user mpmath >&2 \
        || { echo "benchmark.sh: could not install mpmath (python3 -m pip install mpmath)" >&2; exit 1; }
fi

swift build -c release --product worked-backprop >/dev/null
tool=$(swift build -c release --show-bin-path)/worked-backprop

# network LAYERS FILE: a sigmoid/MSE spec with 3-decimal weights and 2-decimal inputs.
network() {
    python3 - "$1" "$2" <<'PY'
import json, random, sys
random.seed(784)
layers = json.loads(sys.argv[1])
def d(): return round(random.uniform(-0.1, 0.1), 3)
spec = {
    "title": f"Benchmark {layers}",
    "network": {
        "layers": layers, "activation": "sigmoid", "loss": "mse",
        "weights": [[[d() for _ in range(layers[l - 1])] for _ in range(layers[l])] for l in range(1, len(layers))],
        "biases": [[d() for _ in range(layers[l])] for l in range(1, len(layers))],
    },
    "sample": {"input": [round(random.random(), 2) for _ in range(layers[0])],
               "target": [1 if i == 3 else 0 for i in range(layers[-1])]},
    "focus": {"weight": [1, 1, 1]},
}
# Write numbers as their shortest decimal text, which the tool reads exactly.
open(sys.argv[2], "w").write(json.dumps(spec))
PY
}
network "[784, 128, 64, 10]" "$work/mnist.json"
network "[784, 256, 64, 10]" "$work/double.json"

# best LABEL COMMAND...: runs COMMAND $runs times, prints each wall time, sets $best (seconds).
best() {
    local label=$1
    shift
    best=""
    for i in $(seq "$runs"); do
        local start end t
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        t=$(python3 -c "print(f'{$end - $start:.3f}')")
        echo "  $label run $i: ${t} s"
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
    done
}

echo "[784, 128, 64, 10] sigmoid network, 30 significant digits, best of $runs runs"
best "trace " "$tool" trace "$work/mnist.json" -o "$work/trace.json"
trace=$best
best "mpmath" python3 Scripts/mpmath_trace.py "$work/mnist.json" "$work/mpmath.txt"
mpmath=$best
best "trace 2x" "$tool" trace "$work/double.json" -o "$work/double.trace.json"
double=$best

python3 - "$trace" "$mpmath" "$double" <<'PY'
import sys
trace, mpmath, double = map(float, sys.argv[1:])
print(f"worked-backprop trace (certified):  {trace:.3f} s")
print(f"mpmath script (not certified):      {mpmath:.3f} s")
print(f"ratio trace / mpmath:               {trace / mpmath:.2f} (goal <= 0.33)")
print(f"trace at 2x parameters (217,728):   {double:.3f} s ({double / trace:.2f}x the time of 109,184)")
PY
echo "trace size: $(du -h "$work/trace.json" | cut -f1); 2x: $(du -h "$work/double.trace.json" | cut -f1)"
