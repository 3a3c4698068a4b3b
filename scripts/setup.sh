#!/usr/bin/env bash
# Installs what the tests need on a bare machine. Safe to run again.
set -euo pipefail
command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)" >&2; exit 1; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true
