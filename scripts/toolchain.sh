#!/usr/bin/env bash
# Provisions the pinned Node and pnpm into a per-user cache (never over the system Node) and puts them first
# on PATH. Source it: `. scripts/toolchain.sh`. Idempotent: the second call costs a few milliseconds.
NODE_VERSION=24.21.0
PNPM_VERSION=12.21.0

cf_toolchain() {
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "contextflow: unsupported CPU $(uname -m)" >&2; return 1 ;;
  esac
  local dir="${CONTEXTFLOW_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/contextflow/toolchain}/node-$NODE_VERSION-pnpm-$PNPM_VERSION-$arch"
  local node_bin="$dir/node_modules/node-linux-$arch/bin"
  local pnpm_bin="$dir/node_modules/@pnpm/exe.linux-$arch"
  if [ ! -x "$node_bin/node" ] || [ ! -x "$pnpm_bin/pnpm" ]; then
    command -v npm >/dev/null || { echo "contextflow: npm is needed once to fetch Node $NODE_VERSION and pnpm $PNPM_VERSION" >&2; return 1; }
    echo "contextflow: installing Node $NODE_VERSION and pnpm $PNPM_VERSION into $dir" >&2
    mkdir -p "$dir"
    # The system npm installs (it carries this machine's CA settings); PATH switches only afterwards.
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-$arch@$NODE_VERSION" "@pnpm/exe.linux-$arch@$PNPM_VERSION" >&2 || return 1
    chmod +x "$node_bin/node" "$pnpm_bin/pnpm"
  fi
  export PATH="$node_bin:$pnpm_bin:$PATH"
  export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
}
cf_toolchain
