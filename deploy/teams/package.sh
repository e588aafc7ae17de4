#!/usr/bin/env bash
# Builds the Teams app package: fills in the ids in manifest.json, validates it against Microsoft's
# schema (from tests/tools/node_modules), and zips manifest.json, color.png and outline.png at the zip
# root into deploy/teams/build/InfoStoryBot.zip. Upload that zip in Teams (Apps > Manage your apps >
# Upload an app) or in the Teams admin centre.
#
# usage: deploy/teams/package.sh [--bot-app-id GUID] [--teams-app-id GUID] [--version X.Y.Z] [--out FILE]
#   --bot-app-id    the bot's Microsoft App ID: the managed identity's client id, or the app
#                   registration's application id (env BOT_APP_ID). Required.
#   --teams-app-id  the Teams app's own id (env TEAMS_APP_ID). Keep it stable across versions so an
#                   upload updates the app rather than adding a second one. Default: this repo's id.
#   --version       the app version, semver (env APP_VERSION, default 1.0.0). Raise it for each upload.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

bot_app_id="${BOT_APP_ID:-}"
teams_app_id="${TEAMS_APP_ID:-ea00486d-a217-4941-9c51-dee300f207cf}"
version="${APP_VERSION:-1.0.0}"
out="$here/build/InfoStoryBot.zip"

die() { echo "package.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bot-app-id) bot_app_id="${2:-}"; shift 2 ;;
    --teams-app-id) teams_app_id="${2:-}"; shift 2 ;;
    --version) version="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[ -n "$bot_app_id" ] || die "the bot's app id is required: --bot-app-id GUID or BOT_APP_ID=GUID (the managed identity's client id, or the app registration's application id)"
[[ "$bot_app_id" =~ $guid ]] || die "--bot-app-id must be a GUID, got '$bot_app_id'"
[[ "$teams_app_id" =~ $guid ]] || die "--teams-app-id must be a GUID, got '$teams_app_id'"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "--version must look like 1.2.3, got '$version'"

command -v node >/dev/null 2>&1 || die "node is needed to validate the manifest; install Node.js 20 or later"
[ -d "$repo/tests/tools/node_modules/@microsoft/app-manifest" ] || die "the manifest schema package is missing; run: (cd tests/tools && npm ci)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

sed -e "s/\${{BOT_APP_ID}}/$bot_app_id/g" \
    -e "s/\${{TEAMS_APP_ID}}/$teams_app_id/g" \
    -e "s/\${{APP_VERSION}}/$version/g" \
    "$here/manifest.json" > "$stage/manifest.json"
cp "$here/color.png" "$here/outline.png" "$stage/"

if ! report="$(node "$here/validate-manifest.mjs" "$stage/manifest.json" "$stage")"; then
  echo "$report" >&2
  die "the manifest is not valid; nothing was packaged"
fi

mkdir -p "$(dirname "$out")"
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$out" manifest.json color.png outline.png)
else
  (cd "$stage" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
fi
echo "Teams app package: $out (app $teams_app_id, bot $bot_app_id, version $version)"
