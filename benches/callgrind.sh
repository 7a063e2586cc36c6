#!/usr/bin/env bash
# Instructions per input byte of `gongwen::parse`, by callgrind (stable
# across runs and machines of the same ISA, unlike wall-clock time).
#
#   benches/callgrind.sh [INPUT] [TOP]
#
# INPUT: `seeds` (default: the five seed reports repeated to 1 MiB),
# `corpus` (every corpus document concatenated) or a file path.
# TOP: how many functions of the profile to list (default 25).
#
# The bench binary is run twice under callgrind, once parsing the input
# (`--callgrind-once`) and once only building it (`--callgrind-read`);
# the difference is the parse. Default target (no target-cpu=native).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-seeds}
top=${2:-25}
command -v valgrind >/dev/null || { echo "valgrind is required"; exit 1; }

bin=$(cargo bench --bench parse --no-run --message-format=json 2>/dev/null \
  | grep '"executable":"[^"]*parse-[^"]*"' \
  | sed 's/.*"executable":"\([^"]*\)".*/\1/' | tail -n 1)
[ -x "$bin" ] || { echo "bench binary not found"; exit 1; }

out=target/callgrind
mkdir -p "$out"
run() { # mode file
  valgrind --tool=callgrind --callgrind-out-file="$2" "$bin" "$1" "$input" 2>/dev/null
}
bytes=$(run --callgrind-once "$out/parse.out" | sed -n 's/^bytes=//p')
run --callgrind-read "$out/read.out" >/dev/null
total() { sed -n 's/^summary: *//p' "$1" | head -n 1; }
with=$(total "$out/parse.out")
without=$(total "$out/read.out")
parse=$((with - without))

echo "input:                $input ($bytes bytes)"
echo "instructions, parse:  $with"
echo "instructions, read:   $without"
echo "parse only:           $parse"
awk -v p="$parse" -v b="$bytes" 'BEGIN { printf "instructions / byte:  %.1f\n", p / b }'

# The profile: a third run that only collects inside the parse, listed by
# function (inlined code is charged to the function it was inlined into).
valgrind --tool=callgrind --toggle-collect='gongwen::zones::parse_document' \
  --callgrind-out-file="$out/profile.out" "$bin" --callgrind-once "$input" >/dev/null 2>&1
listing() { # inclusive=yes|no
  callgrind_annotate --auto=no --show-percs=no --threshold=100 --inclusive="$1" "$out/profile.out" \
    | awk -v incl="$1" '/file:function/ { go = 1; next }
        go && /^ *[0-9][0-9,]* / {
          n = $1; gsub(",", "", n); s = $0; sub(/^ *[0-9,]+ +/, "", s)
          f = substr(s, index(s, ":") + 1); sub(/ \[.*$/, "", f)
          if (incl == "yes") { if (n + 0 > a[f] + 0) a[f] = n } else a[f] += n
        }
        END { for (f in a) printf "%12d  %s\n", a[f], f }' \
    | sort -rn | awk -v t="$2" -v top="$top" '$1 == t && $2 != "gongwen::zones::parse_document" { next }
        ++k <= top { printf "%s  %5.1f%%\n", $0, 100 * $1 / t }'
}
profiled=$(total "$out/profile.out")
echo "instructions in gongwen::zones::parse_document (toggle-collect): $profiled"
echo
echo "Top functions, self cost (file: $out/profile.out):"
listing no "$profiled"
echo
echo "Top functions, inclusive cost:"
listing yes "$profiled"
