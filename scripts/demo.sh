#!/usr/bin/env bash
# The main job on the examples: install what is needed, then score the seed's two forms and our clean example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
for f in examples/zhuzhou-2020/department.actuals.yaml examples/zhuzhou-2020/project.actuals.yaml examples/water-2023/project.actuals.yaml; do
  node dist/cli/main.js score "$f"
  echo
done
