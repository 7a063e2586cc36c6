#!/usr/bin/env bash
# Run every fuzz target for SECONDS seconds each (default 60), one after the
# other, with the dictionary and the seed corpus. Prints a summary line per
# target (executions, crashes) and appends it to fuzz/runs.log.
#
#   fuzz/run.sh 300            # 5 minutes per target
#   TARGETS="parse numerals" fuzz/run.sh 60
#   JOBS=2 fuzz/run.sh 600     # two fuzzing processes per target
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain
# (`cargo +nightly fuzz`); with only a stable toolchain set
# TOOLCHAIN=stable to use RUSTC_BOOTSTRAP=1 instead (see README.md).
set -uo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${1:-60}"
TARGETS="${TARGETS:-parse parse_bytes parse_with numerals extract_json}"
JOBS="${JOBS:-1}"
MAX_LEN="${MAX_LEN:-4096}"
if [ "${TOOLCHAIN:-nightly}" = stable ]; then
    CARGO=(env RUSTC_BOOTSTRAP=1 cargo)
else
    CARGO=(cargo +nightly)
fi

[ -d corpus ] || ./seed.sh
"${CARGO[@]}" fuzz build -O -a || exit 1

status=0
for t in $TARGETS; do
    mkdir -p "corpus/$t" "artifacts/$t" logs
    log="logs/$t.log"
    par=()
    [ "$JOBS" -gt 1 ] && par=(-jobs="$JOBS" -workers="$JOBS")
    "${CARGO[@]}" fuzz run -O -a "$t" "corpus/$t" -- \
        -dict=gongwen.dict -max_total_time="$SECONDS_PER_TARGET" \
        -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
        "${par[@]}" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    if [ "$JOBS" -gt 1 ]; then
        cat fuzz-*.log >>"$log" 2>/dev/null
        rm -f fuzz-*.log
    fi
    execs=$(grep -h 'stat::number_of_executed_units' "$log" | awk '{s+=$2} END {print s+0}')
    crashes=$(find "artifacts/$t" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' | wc -l)
    line="$(date -u +%FT%TZ) target=$t seconds=$SECONDS_PER_TARGET jobs=$JOBS execs=$execs artifacts=$crashes exit=$rc"
    echo "$line" | tee -a runs.log
    [ "$rc" -ne 0 ] && status=1
done
exit $status
