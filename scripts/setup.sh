#!/usr/bin/env bash
# Installs what Ferry's tests need on a fresh Debian machine, idempotently: each step checks
# first and says what it does. Run by `npm test` / `npm run test:e2e` / `.ci/run`.
#   - Debian packages: chromium (UI tests), samba + samba-ad-dc + samba-ad-provision + krb5-user
#     + ldb-tools (a real AD DC), ldap-utils (ldapsearch, the discovery baseline)
#   - pwsh 7.6.9 as a .NET tool in .tools/pwsh (project-local; the lab runs in real PowerShell)
#   - npm packages (npm ci) with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (the binary is not needed to test)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '[setup] %s\n' "$*"; }
# Neither the .NET SDK nor PowerShell 7 phones home from this machine; pwsh skips the shared
# startup profile that parallel pwsh runs corrupt (electron/services/powershell/process-env.ts).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off
export DOTNET_MultiCoreJitMinNumCpus=FFFF

APT_PACKAGES=(chromium samba samba-ad-dc samba-ad-provision krb5-user ldb-tools ldap-utils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${APT_PACKAGES[*]}"
fi

PWSH_DIR=.tools/pwsh
if [ -x "$PWSH_DIR/pwsh" ] && "$PWSH_DIR/pwsh" -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -q '^7\.6\.9'; then
  say "pwsh 7.6.9 present in $PWSH_DIR"
else
  say "installing pwsh 7.6.9 into $PWSH_DIR (dotnet tool)"
  rm -rf "$PWSH_DIR"
  dotnet tool install --tool-path "$PWSH_DIR" PowerShell --version 7.6.9 >/dev/null
fi

stamp=node_modules/.ferry-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say "npm packages match package-lock.json"
else
  say "installing npm packages (npm ci, Electron binary download skipped)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
say "done"
