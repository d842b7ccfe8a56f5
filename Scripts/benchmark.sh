#!/usr/bin/env bash
# Prints how long `worked-backprop trace` takes on a [784, 128, 64, 10] sigmoid network with
# 30-digit output (release build). Target: under 2 s on the project's 2-core machines.
# Usage: Scripts/benchmark.sh [RUNS]   (default 3 runs; the best and every run are printed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product worked-backprop >/dev/null
tool=$(swift build -c release --show-bin-path)/worked-backprop

python3 - "$work/mnist.json" <<'PY'
import json, random, sys
random.seed(784)
layers = [784, 128, 64, 10]
def d(): return round(random.uniform(-0.1, 0.1), 3)
spec = {
    "title": "Benchmark [784, 128, 64, 10]",
    "network": {
        "layers": layers, "activation": "sigmoid", "loss": "mse",
        "weights": [[[d() for _ in range(layers[l - 1])] for _ in range(layers[l])] for l in range(1, 4)],
        "biases": [[d() for _ in range(layers[l])] for l in range(1, 4)],
    },
    "sample": {"input": [round(random.random(), 2) for _ in range(784)],
               "target": [1 if i == 3 else 0 for i in range(10)]},
    "focus": {"weight": [1, 1, 1]},
}
# Write numbers as their shortest decimal text, which the tool reads exactly.
open(sys.argv[1], "w").write(json.dumps(spec))
PY

echo "trace of a [784, 128, 64, 10] sigmoid network, 30 significant digits, release build"
best=""
for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$tool" trace "$work/mnist.json" -o "$work/trace.json"
    end=$(date +%s.%N)
    t=$(python3 -c "print(f'{$end - $start:.3f}')")
    echo "run $i: ${t} s"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
done
echo "best: ${best} s (target < 2 s); trace size: $(du -h "$work/trace.json" | cut -f1)"
