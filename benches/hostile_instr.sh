#!/usr/bin/env bash
# Instruction-count scaling of the hostile shapes (issue #4), by callgrind:
# for each shape, instructions to parse it at 10x size over instructions at
# 1x size (building the input in memory is counted separately and taken
# off). Exact and free of cache and timer noise; linear work gives 10.
#
#   benches/hostile_instr.sh                       # every shape
#   benches/hostile_instr.sh nested_markers blank_lines
#
# The wall-clock ratios are `cargo bench --bench hostile`.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is required"; exit 1; }
bin=$(cargo bench --bench hostile --no-run --message-format=json 2>/dev/null \
  | grep '"executable":"[^"]*hostile-[^"]*"' \
  | sed 's/.*"executable":"\([^"]*\)".*/\1/' | tail -n 1)
[ -x "$bin" ] || { echo "bench binary not found"; exit 1; }
shapes=("$@")
if [ ${#shapes[@]} -eq 0 ]; then
  mapfile -t shapes < <(sed -n 's/^ *name: "\([a-z_]*\)",$/\1/p' benches/hostile.rs)
fi
out=target/callgrind
mkdir -p "$out"
count() { # shape k build|parse
  HOSTILE_INSTR="$1:$2:$3" valgrind --tool=callgrind \
    --callgrind-out-file="$out/hostile.out" "$bin" --bench >/dev/null 2>&1
  sed -n 's/^summary: *//p' "$out/hostile.out" | head -n 1
}
printf '%-24s %14s %14s %7s\n' shape "instr 1x" "instr 10x" ratio
for s in "${shapes[@]}"; do
  i1=$(( $(count "$s" 1 parse) - $(count "$s" 1 build) ))
  i10=$(( $(count "$s" 10 parse) - $(count "$s" 10 build) ))
  ratio=$(awk -v a="$i10" -v b="$i1" 'BEGIN { printf "%.2f", a / b }')
  printf '%-24s %14d %14d %7s\n' "$s" "$i1" "$i10" "$ratio"
done
