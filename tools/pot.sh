#!/bin/sh
# tools/pot.sh OUT: writes the message template (po/kansa.pot) from every
# message in generator/ (i18n.h): marked _(), N_() or ngettext(), and the
# formats given to the functions that translate their format themselves
# (run_step_line, cli_usage_error).
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	--keyword=run_step_line:2 --flag=run_step_line:2:c-format \
	--keyword=cli_usage_error:2 --flag=cli_usage_error:2:c-format \
	--add-comments=TRANSLATORS: --package-name=kansa \
	--msgid-bugs-address=https://github.com/kansa/issues --sort-by-file --add-location=file --no-wrap \
	-o "$1" generator/*.c generator/*.h
