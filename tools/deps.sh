#!/bin/sh
# Installs the Debian 12 packages kansa needs to build, test and run,
# when they are missing.  Uses apt-get as root, or through sudo.
# KANSA_DEPS_EXTRA adds packages (the fuzz target adds clang's runtime).
set -eu

packages="build-essential pkg-config
libxlsxwriter-dev libhpdf-dev libiniparser-dev libsqlite3-dev
libunistring-dev nettle-dev libcmocka-dev fonts-ipaexfont-gothic
python3 python3-openpyxl poppler-utils qpdf clang-format groff-base
valgrind libzip-dev libexpat1-dev fonts-ipaexfont-mincho fonts-ipafont-gothic
libreoffice-calc-nogui locales gettext
${KANSA_DEPS_EXTRA:-}"

missing=""
for p in $packages; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
# The Japanese locale the message tests run under (a minimal Debian has
# only C.UTF-8).
need_locale() {
	! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'
}
if [ -z "$missing" ]; then
	need_locale || exit 0
fi

[ -n "$missing" ] && echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps: missing and I am not root:${missing:- the ja_JP.UTF-8 locale}" >&2
	echo "deps: install them with apt-get, or run make as root" >&2
	exit 1
fi
if [ -n "$missing" ]; then
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if need_locale; then
	$sudo localedef -i ja_JP -f UTF-8 ja_JP.UTF-8 || {
		echo "deps: cannot make the ja_JP.UTF-8 locale" >&2
		exit 1
	}
fi
