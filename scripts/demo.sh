#!/usr/bin/env bash
# The main job on the examples, on a fresh machine: install what is needed, score the seed's two forms and
# our clean example, render the seed's two forms as PDF (the department form is a draft: a reason is missing),
# sign the project form in all four roles (填表人 → 审核人 → 单位负责人 → 单位盖章, the last with the unit's
# certificate) with demo certificates from a test CA, and verify it. Everything lands in out/demo/.
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
jixiao keygen --cn 演示审核人 --issuer "$out/demo-ca.p12" -o "$out/reviewer.p12"
jixiao keygen --cn 演示负责人 --issuer "$out/demo-ca.p12" -o "$out/head.p12"
# the unit's seal is a signature with the unit's certificate: its name is the form's 单位名称 (a test certificate, marked 仅供测试)
jixiao keygen --cn 株洲市人民政府办公室 --issuer "$out/demo-ca.p12" -o "$out/unit.p12"
# the project form is complete, so it can be signed (a draft cannot); the first signature certifies the document
jixiao sign "$out/project.pdf" --p12 "$out/preparer.p12" --role 填表人 --reason 数据已核对 -o "$out/project.signed.pdf"
jixiao sign "$out/project.signed.pdf" --p12 "$out/reviewer.p12" --role 审核人 --reason 复核无误
jixiao sign "$out/project.signed.pdf" --p12 "$out/head.p12" --role 单位负责人 --reason 审核同意 --location 株洲市
jixiao sign "$out/project.signed.pdf" --p12 "$out/unit.p12" --role 单位盖章
jixiao verify "$out/project.signed.pdf" --trust "$out/demo-ca.pem"
echo
echo "签署并核验通过的示例：$out/project.signed.pdf（部门整体支出表是草稿：$out/department.pdf）"
