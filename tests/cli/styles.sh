# tests/cli/styles.sh: policies in each numbering style (tests/policies/)
# derive exactly the items listed for them (ID, roles, level, text).
# Sourced by tests/run.sh, which provides KANSA, ROOT, workspace, ok,
# not_ok and check.

POLICIES="$ROOT/tests/policies"

# style_items WS NAME [ARGS...]: derives NAME.txt in WS and writes
# WS/NAME.tsv (id, roles, level, text); returns derive's exit code.
style_items() {
	ws=$1
	name=$2
	shift 2
	mkdir -p "$ws/checklists"
	cp "$POLICIES/$name.txt" "$ws/checklists/" || return 9
	(cd "$ws" && "$KANSA" derive "$@" "checklists/$name.txt") \
		>"$ws/$name.out" 2>"$ws/$name.err" || return $?
	(cd "$ws" && "$KANSA" items --format tsv) |
		awk -F '\t' 'BEGIN {OFS = "\t"} {print $1, $3, $2, $7}' \
			>"$ws/$name.tsv"
}

t_style_policies() {
	for name in council dai jourei guideline decimal bullets; do
		ws=$(workspace)
		if [ ! -s "$POLICIES/$name.expected.tsv" ]; then
			not_ok "styles: $name: expected items exist" "$POLICIES/$name.expected.tsv"
			continue
		fi
		n=$(($(wc -l <"$POLICIES/$name.expected.tsv") - 1))
		if ! style_items "$ws" "$name"; then
			not_ok "styles: $name derives $n expected items" \
				"$(cat "$ws/$name.err" 2>/dev/null)"
			continue
		fi
		if d=$(diff -u "$POLICIES/$name.expected.tsv" "$ws/$name.tsv"); then
			ok "styles: $name derives $n expected items"
		else
			not_ok "styles: $name derives $n expected items" \
				"$(cat "$ws/$name.err"; echo "$d")"
		fi
	done
}

t_style_policies
