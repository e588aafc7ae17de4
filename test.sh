#!/usr/bin/env bash
# Runs every test, after installing what the tests need: the npm test tools (Azurite, Microsoft's
# Adaptive Cards parser, Playwright, the Teams manifest schema), Debian's Chromium, and the Web Chat
# bundle the bot serves. Safe to run again; each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1; then
  step "Installing Chromium (Debian package) for the Web Chat end-to-end test"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

install_npm() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
install_npm tests/tools
[ -f Bot/DevChat/web/package.json ] && install_npm Bot/DevChat/web

step "Building"
dotnet build InfoStoryBot.sln -c Release -nologo -v quiet

step "Running tests"
log=$(mktemp)
set +e
dotnet test InfoStoryBot.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for the whole run; a skipped test counts as a failure here (it checks nothing).
read -r passed failed skipped < <(awk '
  /(Passed|Failed)!  *- Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { gsub(",", "", p); print p+0, f+0, s+0 }' "$log")
rm -f "$log"
if [ "$skipped" -gt 0 ]; then
  echo "error: $skipped test(s) were skipped; a skipped test checks nothing." >&2
  status=1
fi
if [ "$passed" -eq 0 ]; then
  echo "error: no test ran." >&2
  status=1
fi
echo
echo "tests: $passed passed, $failed failed"
exit "$status"
