#!/usr/bin/env bash
# What `make test` needs besides the Rust toolchain: Chromium, Node.js and npm for the browser
# tests (browser-tests/run.sh), installed with apt-get on Debian when missing. Does nothing when
# all are there; without apt-get it names what is missing and fails. Run by `make test`.
set -euo pipefail

chromium=${CHROMIUM:-/usr/bin/chromium}
need=()
[[ -x $chromium ]] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)

if ((${#need[@]})); then
    command -v apt-get >/dev/null 2>&1 \
        || { echo "install-test-deps: missing ${need[*]}, and no apt-get to install them" >&2; exit 1; }
    sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 \
            || { echo "install-test-deps: installing ${need[*]} needs root (or sudo)" >&2; exit 1; }
        sudo=(sudo)
    fi
    echo "install-test-deps: installing ${need[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "install-test-deps: $(rustc --version); node $(node --version); $("$chromium" --version 2>/dev/null || echo "no Chromium at $chromium")"
