#!/usr/bin/env bash
# Run every fuzz target for SECONDS seconds each (default 60), one after the
# other, with the dictionary and the seed corpus. Prints a summary line per
# target (executions, crashes) and appends it to fuzz/runs.log.
#
#   fuzz/run.sh 300            # 5 minutes per target
#   TARGETS="parse numerals" fuzz/run.sh 60
#   JOBS=2 fuzz/run.sh 600     # two fuzzing processes per target
#   DEBUG_ASSERTIONS=0 fuzz/run.sh 60   # without overflow checks
#
# Runs in libFuzzer's fork mode with -ignore_crashes: a crash is saved to
# artifacts/<target>/ and fuzzing goes on, so one bug does not hide others.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain
# (`cargo +nightly fuzz`); with only a stable toolchain set
# TOOLCHAIN=stable to use RUSTC_BOOTSTRAP=1 instead (see README.md).
set -uo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${1:-60}"
TARGETS="${TARGETS:-parse parse_bytes parse_with numerals extract_json}"
JOBS="${JOBS:-1}"
DA=()
[ "${DEBUG_ASSERTIONS:-1}" = 1 ] && DA=(-a)
MAX_LEN="${MAX_LEN:-4096}"
if [ "${TOOLCHAIN:-nightly}" = stable ]; then
    CARGO=(env RUSTC_BOOTSTRAP=1 cargo)
else
    CARGO=(cargo +nightly)
fi

[ -d corpus ] || ./seed.sh
"${CARGO[@]}" fuzz build -O "${DA[@]}" || exit 1

status=0
for t in $TARGETS; do
    mkdir -p "corpus/$t" "artifacts/$t" logs
    log="logs/$t.log"
    "${CARGO[@]}" fuzz run -O "${DA[@]}" "$t" "corpus/$t" -- \
        -dict=gongwen.dict -max_total_time="$SECONDS_PER_TARGET" \
        -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
        -fork="$JOBS" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        >"$log" 2>&1
    rc=$?
    # Fork mode prints "#EXECS: cov: … oom/timeout/crash: O/T/C time: …".
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1)
    execs=$(echo "$last" | sed -E 's/^#([0-9]+):.*/\1/')
    octc=$(echo "$last" | sed -E 's#.*oom/timeout/crash: ([0-9/]+).*#\1#')
    cov=$(echo "$last" | sed -E 's/.* cov: ([0-9]+).*/\1/')
    errors=$(grep -c 'ERROR: libFuzzer' "$log")
    files=$(find "artifacts/$t" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' | wc -l)
    line="$(date -u +%FT%TZ) target=$t seconds=$SECONDS_PER_TARGET jobs=$JOBS debug_assertions=${DEBUG_ASSERTIONS:-1} execs=${execs:-0} cov=${cov:-0} oom/timeout/crash=${octc:-?} libfuzzer_errors=$errors artifact_files=$files exit=$rc"
    echo "$line" | tee -a runs.log
    [ "$rc" -ne 0 ] && status=1
done
exit $status
