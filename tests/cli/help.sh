# tests/cli/help.sh: `kansa help` and the manual page cover every command.
# Sourced by tests/run.sh.
test_plan 2

t_help_every_command() {
	cmds=$("$KANSA" help | awk '/^  [a-z-]+ +/ {print $1}')
	man=$("$KANSA" help --man)
	missing=""
	n=0
	for c in $cmds; do
		n=$((n + 1))
		"$KANSA" help "$c" | grep -q "^usage: kansa $c" || missing="$missing help:$c"
		"$KANSA" "$c" --help | grep -q "^usage: kansa $c" || missing="$missing --help:$c"
		printf '%s\n' "$man" | grep -q "^\.SS $c\$" || missing="$missing man:$c"
	done
	if [ -z "$missing" ] && [ "$n" -ge 18 ]; then
		ok "help: kansa help, COMMAND --help and the manual page cover all $n commands"
	else
		not_ok "help: every command" "n $n, missing:$missing"
	fi
}

t_man_page() {
	d=$(workspace)
	if ! make -s --no-print-directory -C "$ROOT" install DESTDIR="$d" PREFIX=/usr \
		BUILD="$BUILD" >"$d/log" 2>&1; then
		not_ok "help: make install" "$(cat "$d/log")"
		return
	fi
	page="$d/usr/share/man/man1/kansa.1"
	warn=$(groff -K utf8 -man -Tutf8 -ww "$page" 2>&1 >"$d/page.txt")
	if [ -f "$page" ] && [ -x "$d/usr/bin/kansa" ] && [ -z "$warn" ] &&
		grep -q "kansa run --year 2025" "$d/page.txt" &&
		grep -q "MANIFEST.sha256" "$d/page.txt" && grep -q "監査" "$d/page.txt" &&
		grep -q "3  invalid input: every problem" "$d/page.txt"; then
		ok "help: make install puts kansa(1) in share/man/man1; groff renders it without a warning"
	else
		not_ok "help: the manual page" "$warn $(ls -R "$d/usr" | head)"
	fi
}

t_help_every_command
t_man_page
