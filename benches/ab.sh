#!/usr/bin/env bash
# Wall-clock A/B of two builds of the `gongwen` command on one input, in one
# run: the runs alternate (old, new, old, new, …) so that machine noise hits
# both alike, and the minimum of each is reported.
#
#   benches/ab.sh OLD_REV [INPUT] [RUNS]
#
# OLD_REV: a git revision to compare the working tree with (built in a
#   temporary worktree under target/ab/, default target, release profile).
# INPUT: a file (default: every corpus document, concatenated eight times,
#   about 10.6 MB).
# RUNS: runs of each build (default 11).
#
# Each run is `gongwen parse INPUT --format stats`: the full parse, counts
# printed, no serialisation. The two builds must print the same counts.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: benches/ab.sh OLD_REV [INPUT] [RUNS]}
runs=${3:-11}
out=target/ab
mkdir -p "$out"
input=${2:-$out/input.txt}
if [ -z "${2:-}" ]; then
  : > "$input"
  for _ in 1 2 3 4 5 6 7 8; do cat tests/corpus/*.txt >> "$input"; done
fi
rm -rf "$out/old-src"
git worktree prune
git worktree add -q --detach "$out/old-src" "$old"
trap 'git worktree remove --force "$out/old-src" >/dev/null 2>&1 || true' EXIT
(cd "$out/old-src" && CARGO_TARGET_DIR="$PWD/../old-target" cargo build --release -q)
cargo build --release -q
a="$out/old-target/release/gongwen"
b=target/release/gongwen
sa=$("$a" parse "$input" --format stats)
sb=$("$b" parse "$input" --format stats)
[ "$sa" = "$sb" ] || { echo "the two builds disagree:"; echo "old: $sa"; echo "new: $sb"; }
ns() { # command... -> elapsed nanoseconds
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
  echo $((t1 - t0))
}
best_a=0; best_b=0
for _ in $(seq "$runs"); do
  ta=$(ns "$a" parse "$input" --format stats)
  tb=$(ns "$b" parse "$input" --format stats)
  if [ "$best_a" = 0 ] || [ "$ta" -lt "$best_a" ]; then best_a=$ta; fi
  if [ "$best_b" = 0 ] || [ "$tb" -lt "$best_b" ]; then best_b=$tb; fi
done
bytes=$(stat -c %s "$input")
awk -v a="$best_a" -v b="$best_b" -v n="$bytes" -v old="$old" -v r="$runs" 'BEGIN {
  printf "input: %d bytes; min of %d alternating runs each\n", n, r
  printf "old (%s): %8.1f ms  %6.1f MB/s\n", old, a / 1e6, n / (a / 1e9) / 1e6
  printf "new (working tree): %8.1f ms  %6.1f MB/s\n", b / 1e6, n / (b / 1e9) / 1e6
  printf "new is %.2fx as fast\n", a / b
}'
