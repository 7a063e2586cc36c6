#!/usr/bin/env bash
# Re-run every artifact of the given targets (default: all) and group them
# by the first line of the panic message (location + message), smallest
# input first, so each distinct bug shows up once with its shortest input.
#
#   fuzz/triage.sh parse parse_with
set -uo pipefail
cd "$(dirname "$0")"
TARGETS="${*:-parse parse_bytes parse_with numerals extract_json}"
DA=()
[ "${DEBUG_ASSERTIONS:-1}" = 1 ] && DA=(-a)
for t in $TARGETS; do
    bin="target/x86_64-unknown-linux-gnu/release/$t"
    [ -x "$bin" ] || continue
    for f in artifacts/"$t"/crash-* artifacts/"$t"/timeout-* artifacts/"$t"/oom-*; do
        [ -f "$f" ] || continue
        out=$(timeout 30 "$bin" -runs=1 "$f" 2>&1)
        key=$(echo "$out" | grep -m1 -A1 'panicked at' | tr '\n' ' ' | sed -E 's/thread [^ ]+ \([0-9]+\) //')
        [ -z "$key" ] && key=$(echo "$out" | grep -m1 -E 'ERROR: libFuzzer|timeout|out-of-memory')
        printf '%s\t%s\t%s\t%s\n' "$t" "$(stat -c %s "$f")" "$f" "$key"
    done
done | sort -t$'\t' -k4,4 -k2,2n | awk -F'\t' '$4 != prev {print; prev = $4}'
