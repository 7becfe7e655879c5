#!/usr/bin/env bash
# Renders every screen of the desktop client into docs/screenshots/*.png (the user guides show them).
# Needs Xvfb and CJK fonts (apt-get install xvfb fonts-noto-cjk) unless a display is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :92 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  export DISPLAY=:92
  sleep 1
fi
./mvnw -B -q -pl client -am verify -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dminedecl.screenshots="$PWD/docs/screenshots"
ls -1 docs/screenshots/*.png
