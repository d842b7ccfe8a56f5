#!/usr/bin/env bash
# Times the built-in seed handout (release build, every format) next to Pandoc merely converting
# a Markdown file of the same size (the seed's own Markdown handout, read as Pandoc Markdown and
# written as standalone HTML), in the same run. Goal: each handout at most 0.2 × Pandoc's time.
# Usage: Scripts/benchmark-handout.sh [RUNS]   (default 7 runs of each; the best run counts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v pandoc >/dev/null || { echo "benchmark-handout.sh: pandoc is missing (apt-get install pandoc)" >&2; exit 1; }

swift build -c release --product worked-backprop >/dev/null
tool=$(swift build -c release --show-bin-path)/worked-backprop

# best COMMAND...: runs COMMAND $runs times and prints the best wall time in seconds.
best() {
    python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{min(times):.4f}")
PY
}

"$tool" handout --format markdown -o "$work/seed.md"
pandoc=$(best pandoc --from markdown --to html --standalone --mathml --metadata title=seed "$work/seed.md" -o "$work/pandoc.html")
echo "seed handout, best of $runs runs (Markdown file: $(wc -c <"$work/seed.md") bytes)"
echo "pandoc markdown -> html:     ${pandoc} s"
for format in latex markdown html; do
    t=$(best "$tool" handout --format "$format" -o "$work/handout.$format")
    echo "handout --format $format: $(printf '%8s' "$t") s, $(python3 -c "print(f'{$t / $pandoc:.2f}')") × pandoc (goal <= 0.20)"
done
