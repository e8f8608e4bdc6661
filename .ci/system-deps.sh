#!/usr/bin/env bash
# Debian packages the build (site) or the test suite (test) needs besides Python wheels.
# Installs what is missing when run as root; otherwise prints the one command to run.
set -euo pipefail
purpose=${1:-site}

need=()
command -v git >/dev/null || need+=(git)                          # last-changed dates
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null || need+=(chromium)              # real-browser tests
  command -v pdftoppm >/dev/null || need+=(poppler-utils)         # pdftotext, pdfinfo, pdffonts
  command -v zbarimg >/dev/null || need+=(zbar-tools)             # QR codes decoded from posters
  command -v node >/dev/null || need+=(nodejs)                    # search evaluation in real lunr.js
fi
((${#need[@]})) || exit 0

if [ "$(id -u)" = 0 ]; then
  echo "Cài gói hệ thống còn thiếu: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Thiếu gói hệ thống: ${need[*]}" >&2
  echo "Hãy chạy: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
