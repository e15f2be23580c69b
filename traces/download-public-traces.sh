#!/usr/bin/env bash
# Downloads the public Mooncake FAST'25 traces (Apache-2.0) into DIR (default: this folder). Needs internet.
set -euo pipefail
DIR="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
BASE="https://raw.githubusercontent.com/kvcache-ai/Mooncake/main/FAST25-release/traces"
mkdir -p "$DIR"
for f in conversation_trace.jsonl toolagent_trace.jsonl synthetic_trace.jsonl; do
  echo "downloading $f ..."
  curl -fsSL "$BASE/$f" -o "$DIR/$f.part" && mv "$DIR/$f.part" "$DIR/$f"
done
echo "done; try: ./servesim trace stats $DIR/conversation_trace.jsonl"
