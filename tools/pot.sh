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
	-o "$1.main" generator/*.c generator/*.h
# diags_add() translates its format too: the modules whose diagnostics
# are in the catalogue so far (the rest print in English until added)
xgettext --from-code=UTF-8 --language=C --keyword=diags_add:5 \
	--flag=diags_add:5:c-format --package-name=kansa \
	--msgid-bugs-address=https://github.com/kansa/issues --sort-by-file \
	--add-location=file --no-wrap -o "$1.diags" \
	generator/cmd_*.c generator/cli.c generator/workspace.c \
	generator/run_stage.c generator/fileio.c generator/templates.c \
	generator/store*.c
msgcat --use-first --sort-by-file --add-location=file --no-wrap \
	-o "$1" "$1.main" "$1.diags"
rm -f "$1.main" "$1.diags"
