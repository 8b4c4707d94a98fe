#!/bin/sh
# tools/pot.sh OUT: writes the message template (po/kansa.pot) from every
# message in generator/ (i18n.h): marked _(), N_() or ngettext(), and the
# formats given to the functions that translate their format themselves
# (diags_add, cli_usage_error, run_step_line; xlsx.c's fail and
# xlsx_import.c's cell_error).
set -eu
cd "$(dirname "$0")/.."
common="--from-code=UTF-8 --language=C --package-name=kansa
	--msgid-bugs-address=https://github.com/kansa/issues --sort-by-file
	--add-location=file --no-wrap"
# shellcheck disable=SC2086
xgettext $common --keyword=_ --keyword=N_ \
	--keyword=diags_add:5 --flag=diags_add:5:c-format \
	--keyword=cli_usage_error:2 --flag=cli_usage_error:2:c-format \
	--keyword=run_step_line:2 --flag=run_step_line:2:c-format \
	--add-comments=TRANSLATORS: -o "$1.main" generator/*.c generator/*.h
# shellcheck disable=SC2086
xgettext $common --keyword=fail:2 --flag=fail:2:c-format \
	-o "$1.xlsx" generator/xlsx.c
# shellcheck disable=SC2086
xgettext $common --keyword=cell_error:5 --flag=cell_error:5:c-format \
	-o "$1.cells" generator/xlsx_import.c
# a part without non-ASCII text says CHARSET: they are all UTF-8
sed -i 's/charset=CHARSET/charset=UTF-8/' "$1.main" "$1.xlsx" "$1.cells"
msgcat --use-first --sort-by-file --add-location=file --no-wrap \
	-o "$1" "$1.main" "$1.xlsx" "$1.cells"
rm -f "$1.main" "$1.xlsx" "$1.cells"
