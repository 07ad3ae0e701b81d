#!/usr/bin/env bash
# check-package-deps.sh DEB RPM: the .deb depends on, and the .rpm recommends, every GStreamer
# plugin package of scripts/preview-packages.txt (the list ensure-deps.sh installs), so an
# installed app plays previews. Run by scripts/test-package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$1 rpm=$2
for tool in dpkg-deb rpm; do
  command -v "$tool" >/dev/null || { echo "check-package-deps: $tool is missing; run scripts/ensure-deps.sh" >&2; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' '\n')
recommends=$(rpm -qp --recommends "$rpm" 2>/dev/null)
missing=0
while read -r debname rpmname; do
  grep -qx "$debname" <<<"$depends" || { echo "check-package-deps: $(basename "$deb") does not depend on $debname" >&2; missing=1; }
  grep -qx "$rpmname" <<<"$recommends" || { echo "check-package-deps: $(basename "$rpm") does not recommend $rpmname" >&2; missing=1; }
done < <(grep '^[a-z0-9]' scripts/preview-packages.txt)
[[ $missing -eq 0 ]] || exit 1
echo "check-package-deps: both packages pull in the preview plugins: $(grep -c '^[a-z0-9]' scripts/preview-packages.txt) of them"
