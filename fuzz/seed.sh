#!/usr/bin/env bash
# Seeds the loader's fuzz corpus with every spec in fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/loader
find fixtures -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.tyml' | while read -r f; do
    cp "$f" "fuzz/corpus/loader/$(echo "$f" | tr '/' '_')"
done
echo "seeded $(ls fuzz/corpus/loader | wc -l) files"
