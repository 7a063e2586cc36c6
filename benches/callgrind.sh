#!/usr/bin/env bash
# Instructions per input byte of `gongwen::parse`, by callgrind (stable
# across runs and machines of the same ISA, unlike wall-clock time).
#
#   benches/callgrind.sh [INPUT] [TOP] [--structure-only]
#
# INPUT: `seeds` (default: the five seed reports repeated to 1 MiB),
# `corpus` (every corpus document concatenated) or a file path.
# TOP: how many functions of the profile to list (default 25).
# --structure-only: parse with Options::structure_only() (no entities, no
# sentences) instead of the defaults.
#
# The bench binary (default target, no target-cpu=native) runs under
# callgrind three times, all building INPUT in memory:
#   read  - nothing else (program startup, reading the corpus);
#   warm  - then parse a tiny report (first use builds the lexicon automata);
#   once  - then parse INPUT once.
# parse = once - warm (steady state); one-time init = warm - read.
# A fourth run collects only inside the measured parse, for the profile.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-seeds}
top=${2:-25}
preset=${3:-}
command -v valgrind >/dev/null || { echo "valgrind is required"; exit 1; }

bin=$(cargo bench --bench parse --no-run --message-format=json 2>/dev/null \
  | grep '"executable":"[^"]*parse-[^"]*"' \
  | sed 's/.*"executable":"\([^"]*\)".*/\1/' | tail -n 1)
[ -x "$bin" ] || { echo "bench binary not found"; exit 1; }

out=target/callgrind
mkdir -p "$out"
run() { # mode outfile [extra valgrind args]
  valgrind --tool=callgrind --callgrind-out-file="$2" "${@:3}" "$bin" "$1" "$input" $preset 2>/dev/null
}
total() { sed -n 's/^summary: *//p' "$1" | head -n 1; }
bytes=$(run --callgrind-once "$out/once.out" | sed -n 's/^bytes=//p')
run --callgrind-warm "$out/warm.out" >/dev/null
run --callgrind-read "$out/read.out" >/dev/null
run --callgrind-once "$out/profile.out" --toggle-collect='parse::measured' >/dev/null
once=$(total "$out/once.out")
warm=$(total "$out/warm.out")
read=$(total "$out/read.out")
parse=$((once - warm))
profiled=$(total "$out/profile.out")

echo "input:                      $input ($bytes bytes) ${preset:-(default options)}"
echo "instructions, once:         $once"
echo "instructions, warm:         $warm"
echo "instructions, read:         $read"
echo "one-time init (warm-read):  $((warm - read))"
echo "parse (once-warm):          $parse"
awk -v p="$parse" -v b="$bytes" 'BEGIN { printf "instructions / byte:        %.1f\n", p / b }'
echo "cross-check, collected inside the parse only (toggle-collect): $profiled"

# The profile, listed by function (inlined code is charged to the function
# it was inlined into).
listing() { # inclusive=yes|no total
  callgrind_annotate --auto=no --show-percs=no --threshold=100 --inclusive="$1" "$out/profile.out" \
    | awk -v incl="$1" '/file:function/ { go = 1; next }
        go && /^ *[0-9][0-9,]* / {
          n = $1; gsub(",", "", n); s = $0; sub(/^ *[0-9,]+ +/, "", s)
          f = substr(s, index(s, ":") + 1); sub(/ \[.*$/, "", f)
          if (incl == "yes") { if (n + 0 > a[f] + 0) a[f] = n } else a[f] += n
        }
        END { for (f in a) printf "%12d  %s\n", a[f], f }' \
    | sort -rn | awk -v t="$2" -v top="$top" '$1 == t && $2 != "gongwen::parse" { next }
        ++k <= top { printf "%s  %5.1f%%\n", $0, 100 * $1 / t }'
}
echo
echo "Top functions, self cost (file: $out/profile.out):"
listing no "$profiled"
echo
echo "Top functions, inclusive cost:"
listing yes "$profiled"
