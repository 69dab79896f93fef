#!/usr/bin/env bash
# Installs the few Debian/Ubuntu packages Lokomotiv needs, only when they are missing.
# "app": what Qt needs to open a window; "test": also PostgreSQL (for the server tests)
# and poppler (to read generated PDFs back).
set -euo pipefail
want=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core python3-venv)
if [ "${1:-app}" = test ]; then
  want+=(postgresql poppler-utils)
fi
command -v dpkg-query >/dev/null || exit 0   # not Debian/Ubuntu: nothing we can do here
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installerer systempakker: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
