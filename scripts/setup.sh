#!/usr/bin/env bash
# Installs what jixiao needs on a fresh Debian machine: Chromium, the PDF tools and LibreOffice (apt), then npm packages.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
# used by the test suite: openssl makes a non-RSA key and answers as a local time-stamping authority, ps looks for leftover browser processes
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v ps >/dev/null 2>&1 || missing+=(procps)
# LibreOffice opens the exported workbook as an outside client in the tests (re-save, print to PDF)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
# the queue tests start their own redis-server on a free loopback port (jixiao batch --queue, jixiao worker)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
# the web form's end-to-end tests drive Firefox ESR too (puppeteer over WebDriver BiDi)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "安装系统软件包：${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run -s build
