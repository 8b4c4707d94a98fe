#!/bin/sh
# tools/pot.sh OUT: writes the message template (po/kansa.pot) from every
# message marked _() or N_() in generator/ (i18n.h), file by file.
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	--add-comments=TRANSLATORS: --package-name=kansa \
	--msgid-bugs-address= --sort-by-file --no-wrap \
	-o "$1" generator/*.c generator/*.h
