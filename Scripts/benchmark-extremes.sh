#!/usr/bin/env bash
# Times the handout and the exercises (sheet and key) at the extremes of double precision
# (release build): a [1, 2] softmax with MSE whose logits lie 3·10⁵, 10⁶ and 2·10⁶ apart
# (weights 3·10⁵ and 0, 10⁶ and 0, 10⁶ and −10⁶: a weight's magnitude is at most 10⁶), so
# outputs near 10^−130000, 10^−434000 and 10^−868000 are certified and shown to correctly
# rounded digits. Before Karatsuba products and cached powers of ten, the 3·10⁵ gap took 8.7 s
# and a 2·10⁶ gap 186 s for the handout; with them (machine under load) the 2·10⁶ gap still
# took 34–43 s for the handout and 241 s for the exercises, and the 3·10⁵ gap 6 s and 5 s:
# every document was built at each precision up to 4096 bits because the SGD step's change of
# the loss is never certified, each answer's tolerance compared its value with powers of ten
# of a million digits, and products ran a slow schoolbook loop. Since then (2 shared cores):
# handout 0.15 s and exercises 0.07 s at 3·10⁵, handout 1.6 s and exercises 0.55 s at 2·10⁶.
# Usage: Scripts/benchmark-extremes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product worked-backprop >/dev/null
tool=$(swift build -c release --show-bin-path)/worked-backprop

seconds() { python3 -c "print(f'{$2 - $1:.2f}')"; }

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
    middle=$(date +%s.%N)
    "$tool" exercises "$work/softmax-$gap.json" --format latex -o "$work/exercises-$gap" --quiet
    end=$(date +%s.%N)
    echo "softmax + MSE, logit gap $gap: handout $(seconds "$start" "$middle") s, exercises (sheet + key) $(seconds "$middle" "$end") s"
done
