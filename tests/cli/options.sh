# tests/cli/options.sh: the option table (cli.h struct cli_option): every
# option a command's help lists is taken by its parser, the manual page
# lists the same, and commands refuse the options they do not use.
# Sourced by tests/run.sh.
test_plan 4

# A valid value for an option's argument, by the argument's name.
option_value() {
	case $1 in
	FY) echo 2025 ;;
	DATE) echo 2026-01-31 ;;
	text\|tsv\|json) echo tsv ;;
	self\|audit) echo self ;;
	GRADE) echo 重大 ;;
	KIND) case $2 in score) echo department ;; *) echo xlsx ;; esac ;;
	N) echo 50 ;;
	S) echo 対応中 ;;
	ROLE) echo 情報システム管理者 ;;
	*) echo x ;;
	esac
}

# Every "--name [ARG]" in `kansa help CMD` is parsed: given a valid value
# and then an unknown option, the parser gets past it to the unknown one.
t_options_parse() {
	bad=""
	n=0
	"$KANSA" init "$TMPROOT/options-ws" >/dev/null 2>&1 || { setup_failed "options: init"; return; }
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	cmds=$("$KANSA" help | awk '/^  [a-z-]+ +/ {print $1}')
	for c in $cmds; do
		"$KANSA" help "$c" | sed -n 's/^  \(-., \)\{0,1\}--\([a-z-]*\)\( [^ ]*\)\{0,1\}.*/\2\3/p' >"$TMPROOT/opts"
		while read -r name arg; do
			[ "$name" = help ] && continue
			n=$((n + 1))
			set -- "--$name"
			[ -n "$arg" ] && set -- "--$name" "$(option_value "$arg" "$c")"
			# the workspace is opened before the options are parsed
			[ "$name" = workspace ] && set -- --workspace "$TMPROOT/options-ws"
			sub=""
			[ "$c" = plan ] && sub=list
			[ "$c/$name" = report/since ] && sub=plans
			# shellcheck disable=SC2086
			out=$(cd "$TMPROOT" && "$KANSA" "$c" $sub "$@" --no-such-option 2>&1 </dev/null)
			rc=$?
			if [ $rc -ne 2 ] || printf '%s' "$out" | grep -q "unrecognized option '--$name'" ||
				! printf '%s' "$out" | grep -q "unrecognized option '--no-such-option'"; then
				bad="$bad $c:--$name(rc $rc)"
			fi
		done <"$TMPROOT/opts"
	done
	if [ -z "$bad" ] && [ $n -ge 60 ]; then
		ok "options: all $n options that the commands' help lists are parsed"
	else
		not_ok "options: every option in the help is parsed ($n)" "$bad"
	fi
}

# The manual page lists each command's options as its help does.
t_options_man() {
	man=$("$KANSA" help --man)
	missing=""
	for c in $("$KANSA" help | awk '/^  [a-z-]+ +/ {print $1}'); do
		"$KANSA" help "$c" | grep '^  -' >"$TMPROOT/lines"
		while IFS= read -r line; do
			printf '%s\n' "$man" | grep -qF -- "$line" || missing="$missing $c:'$line'"
		done <"$TMPROOT/lines"
	done
	[ -z "$missing" ] && ok "options: the manual page lists every option line of every command's help" ||
		not_ok "options: the manual page lists the options" "$missing"
}

# score, findings and diff refuse what they would ignore; init takes no --db.
t_options_refused() {
	bad=""
	for args in "findings --by department" "findings --against 2024" \
		"findings --all" "findings --view self" "findings --templates t" \
		"diff --by department" "diff --view audit" "score --all" \
		"init --db x.db" "verify --as-of 2026-01-31" "backup --year 2025 x"; do
		# shellcheck disable=SC2086
		out=$(cd "$TMPROOT" && "$KANSA" $args --year 2025 2>&1)
		rc=$?
		opt=$(echo "$args" | cut -d' ' -f2)
		if [ $rc -ne 2 ] || ! printf '%s' "$out" | grep -q "unrecognized option '$opt'" ||
			! printf '%s' "$out" | grep -q "^usage: kansa "; then
			bad="$bad [$args: rc $rc]"
		fi
	done
	[ -z "$bad" ] && ok "options: findings, diff, score, init, verify and backup refuse the options they do not use (exit 2, with the usage)" ||
		not_ok "options: unused options are refused" "$bad"
}

# --db works before and after the command, the same way for every command.
t_options_db() {
	ws=$(workspace)
	out1=$(cd "$ws" && "$KANSA" --db a.db check-db 2>&1)
	out2=$(cd "$ws" && "$KANSA" check-db --db b.db 2>&1)
	out3=$(cd "$ws" && "$KANSA" runs --db=c.db 2>&1)
	if printf '%s' "$out1" | grep -q "a.db" && printf '%s' "$out2" | grep -q "b.db" &&
		printf '%s' "$out3" | grep -q "c.db"; then
		ok "options: --db FILE before or after the command, and --db=FILE"
	else
		not_ok "options: --db" "$out1 / $out2 / $out3"
	fi
}

t_options_parse
t_options_man
t_options_refused
t_options_db
