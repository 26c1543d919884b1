#!/usr/bin/env bash
# Installs the browsers the end-to-end tier needs when they are missing: Chromium (with its
# Russian locale pack, which Debian ships apart, for the Russian UI tests) and Firefox ESR
# with its Georgian and Russian language packs (Chromium has no Georgian UI locale).
# Installs only as root on a machine with apt-get; otherwise says what is missing (those
# browser tests then skip with a message). Set BACKSTORY_NO_INSTALL=1 to never install.
set -uo pipefail

need=()
[ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
if command -v dpkg >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  dpkg -s chromium-l10n >/dev/null 2>&1 || need+=(chromium-l10n)
fi
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
if command -v dpkg >/dev/null 2>&1; then
  for lang in ka ru; do dpkg -s "firefox-esr-l10n-$lang" >/dev/null 2>&1 || need+=("firefox-esr-l10n-$lang"); done
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "${BACKSTORY_NO_INSTALL:-}" = 1 ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing ${need[*]}: the browser tests that need them will be skipped." >&2
  echo "  Install with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 0
fi
echo "Installing ${need[*]} …"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
  echo "Installing ${need[*]} failed: the browser tests that need them will be skipped." >&2
exit 0
