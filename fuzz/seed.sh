#!/usr/bin/env bash
# Copy tests/corpus/*.txt into each fuzz target's corpus directory as seeds.
# The corpora are not committed (fuzz/.gitignore).
set -euo pipefail
cd "$(dirname "$0")"
for t in parse parse_bytes parse_with numerals extract_json; do
    mkdir -p "corpus/$t"
    cp ../tests/corpus/*.txt "corpus/$t/"
done
echo "seeded $(ls ../tests/corpus/*.txt | wc -l) documents into fuzz/corpus/*"
