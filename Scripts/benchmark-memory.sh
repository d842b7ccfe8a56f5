#!/usr/bin/env bash
# Prints the peak memory (maximum resident set, from /usr/bin/time -v) of the release build on
# large batches, one line each with the target: `build` of 2,000 and of 10,000 seed handouts
# (LaTeX, written to a temporary folder) and `exercises --variants 2000` (LaTeX, with keys,
# overview and the combined answers.json). Memory must stay flat as the batch grows; issue 15
# asks at most 60 MB for 2,000 handouts and for 2,000 variants.
# Usage: Scripts/benchmark-memory.sh [TOOL] [COUNTS…]   (defaults: the release binary; 2000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
else
    swift build -c release --product worked-backprop >/dev/null
    tool=$(swift build -c release --show-bin-path)/worked-backprop
fi
counts=("${@:-2000 10000}")
counts=(${counts[*]})
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Examples/seed-000.json "$work/a.json"

peak() {  # peak LABEL COMMAND…: runs COMMAND, prints its peak memory and time
    local label=$1; shift
    local start end kb
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
    end=$(date +%s.%N)
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    printf '%-40s peak %6.1f MB (target ≤ %s MB)  %s s\n' "$label" "$(python3 -c "print($kb / 1024)")" "$target" "$(python3 -c "print(f'{$end - $start:.1f}')")"
}

manifest() {  # manifest COUNT: COUNT handouts of the seed, LaTeX only
    python3 - "$1" "$work/m$1.json" <<'PY'
import json, sys
n = int(sys.argv[1])
docs = [{"spec": "a.json", "kind": "handout", "output": f"d{i}/handout"} for i in range(n)]
json.dump({"outputRoot": f"out{n}", "defaults": {"formats": ["latex"]}, "documents": docs}, open(sys.argv[2], "w"))
PY
}

target=60
echo "peak memory, release build ($(nproc) cores)"
for count in "${counts[@]}"; do
    manifest "$count"
    peak "build, $count handouts" "$tool" build "$work/m$count.json" --quiet
    rm -rf "$work/out$count"
done
peak "exercises --variants 2000" "$tool" exercises --variants 2000 --seed 2024 -o "$work/variants" --quiet
