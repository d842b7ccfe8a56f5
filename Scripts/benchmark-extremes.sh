#!/usr/bin/env bash
# Times handouts at the extremes of double precision (release build): a [1, 2] softmax with
# MSE whose logits lie 3·10⁵, 10⁶ and 2·10⁶ apart (weights 3·10⁵ and 0, 10⁶ and 0, 10⁶ and −10⁶:
# a weight's magnitude is at most 10⁶), so outputs near 10^−130000, 10^−434000 and 10^−868000 are
# certified and shown to correctly rounded digits. Before Karatsuba products and cached powers
# of ten, the 3·10⁵ gap took 8.7 s and a 2·10⁶ gap 186 s.
# Usage: Scripts/benchmark-extremes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product worked-backprop >/dev/null
tool=$(swift build -c release --show-bin-path)/worked-backprop

for weights in "300000 0" "1000000 0" "1000000 -1000000"; do
    read -r first second <<<"$weights"
    gap=$((first - second))
    cat > "$work/softmax-$gap.json" <<JSON
{"network": {"layers": [1, 2], "activations": ["softmax"], "loss": "mse",
  "weights": [[[$first], [$second]]], "biases": [[0, 0]]},
 "sample": {"input": [1], "target": [0, 1]}, "focus": {"weight": [1, 1, 1]},
 "learningRate": 0.5, "epsilon": 1e-5}
JSON
    start=$(date +%s.%N)
    "$tool" handout "$work/softmax-$gap.json" --format latex -o "$work/softmax-$gap.tex"
    end=$(date +%s.%N)
    echo "softmax + MSE, logit gap $gap: $(python3 -c "print(f'{$end - $start:.2f}')") s"
done
