#!/usr/bin/env bash
# Installs Debian's pre-commit when it is missing: test/unit/install-routes.test.ts runs the
# README's pre-commit hook through the real pre-commit. apt-get runs as root or with sudo,
# and only when `pre-commit` is not on PATH, so a second run returns at once.
set -euo pipefail

if command -v pre-commit >/dev/null; then
  exit 0
fi
command -v apt-get >/dev/null || { echo "ensure-pre-commit: pre-commit is missing and there is no apt-get; install pre-commit (https://pre-commit.com)" >&2; exit 1; }
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "ensure-pre-commit: need root (or sudo) to apt-get install pre-commit" >&2; exit 1; }
  SUDO="sudo"
fi
echo "Installing Debian's pre-commit (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp)
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends pre-commit; } >"$LOG" 2>&1; then
  tail -20 "$LOG" >&2
  rm -f "$LOG"
  echo "ensure-pre-commit: apt-get install pre-commit failed" >&2
  exit 1
fi
rm -f "$LOG"
command -v pre-commit >/dev/null || { echo "ensure-pre-commit: apt-get finished but pre-commit is not on PATH" >&2; exit 1; }
echo "pre-commit $(pre-commit --version | cut -d' ' -f2) installed"
