#!/usr/bin/env bash
# The main job on the examples, on a fresh machine: install what is needed, score the seed's two forms and
# our clean example, render the seed's two forms as PDF (the department form is a draft: a reason is missing),
# sign the project form as 填表人 and 单位负责人 with demo
# certificates from a test CA, and verify it. Everything lands in out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jixiao() { node dist/cli/main.js "$@"; }
# exit 3 means "scored, but a draft (待补充)": the seed's department form is one (row 4 lacks its reason)
draft_ok() { "$@" || [ $? -eq 3 ]; }
out=out/demo
rm -rf "$out" && mkdir -p "$out"

for f in examples/zhuzhou-2020/department.actuals.yaml examples/zhuzhou-2020/project.actuals.yaml examples/water-2023/project.actuals.yaml; do
  draft_ok jixiao score "$f"
  echo
done

draft_ok jixiao render examples/zhuzhou-2020/department.actuals.yaml examples/zhuzhou-2020/project.actuals.yaml -o "$out/" --explain

# Demo certificates only: the password is set here so the demo runs unattended. Real signers type theirs
# at the prompt or set JIXIAO_P12_PASSWORD themselves; jixiao never takes it from the command line.
export JIXIAO_P12_PASSWORD=demo-only JIXIAO_CA_PASSWORD=demo-only
jixiao keygen --ca --cn "jixiao 演示根证书" -o "$out/demo-ca.p12" --cert-out "$out/demo-ca.pem"
jixiao keygen --cn 演示填表人 --issuer "$out/demo-ca.p12" -o "$out/preparer.p12"
jixiao keygen --cn 演示负责人 --issuer "$out/demo-ca.p12" -o "$out/head.p12"
# the project form is complete, so it can be signed (a draft cannot)
jixiao sign "$out/project.pdf" --p12 "$out/preparer.p12" --role 填表人 --reason 数据已核对 -o "$out/project.signed.pdf"
jixiao sign "$out/project.signed.pdf" --p12 "$out/head.p12" --role 单位负责人 --reason 审核同意 --location 株洲市
jixiao verify "$out/project.signed.pdf" --trust "$out/demo-ca.pem"
echo
echo "签署并核验通过的示例：$out/project.signed.pdf（部门整体支出表是草稿：$out/department.pdf）"
