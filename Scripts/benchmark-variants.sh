#!/usr/bin/env bash
# Prints how long `worked-backprop exercises` takes for 1,000 variants of the seed example,
# each with spec.json, sheet, worked answer key and answers.json, plus the overview, in one
# format (release build). Target: under 10 s on the project's 2-core machines.
# Usage: Scripts/benchmark-variants.sh [FORMAT] [COUNT]   (defaults: latex 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
format=${1:-latex}
count=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product worked-backprop >/dev/null
tool=$(swift build -c release --show-bin-path)/worked-backprop

echo "$count variants of the [3, 2, 2, 1] seed with answer keys, $format, release build"
start=$(date +%s.%N)
"$tool" exercises --variants "$count" --seed 2024 --format "$format" -o "$work/out" --quiet
end=$(date +%s.%N)
echo "time: $(python3 -c "print(f'{$end - $start:.2f}')") s (target < 10 s); output: $(du -sh "$work/out" | cut -f1) in $(find "$work/out" -type f | wc -l) files"
