#!/bin/sh
# Installs the Debian 12 packages kansa needs to build, test and run,
# when they are missing.  Uses apt-get as root, or through sudo.
# KANSA_DEPS_EXTRA adds packages (the fuzz target adds clang's runtime).
set -eu

packages="build-essential pkg-config
libxlsxwriter-dev libhpdf-dev libiniparser-dev libsqlite3-dev
libunistring-dev nettle-dev libcmocka-dev fonts-ipaexfont-gothic
python3 python3-openpyxl poppler-utils qpdf clang-format groff-base
valgrind
${KANSA_DEPS_EXTRA:-}"

missing=""
for p in $packages; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps: these packages are missing and I am not root:$missing" >&2
	echo "deps: install them with apt-get, or run make as root" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
