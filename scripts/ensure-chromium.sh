#!/usr/bin/env bash
# The /docs test renders the page in headless Chromium from Debian's packages; install it when it is missing
# and we may (root with apt). Otherwise say what to do; the test itself fails, never skips, without it.
set -euo pipefail
bin="${CHROMIUM_PATH:-chromium}"
command -v "$bin" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "contextflow: installing Debian's chromium for the /docs rendering test" >&2
  (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }) >&2
else
  echo "contextflow: the /docs test needs Chromium: apt-get install chromium (or set CHROMIUM_PATH)" >&2
fi
