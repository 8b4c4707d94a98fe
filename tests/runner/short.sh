# A file that stops early (an old-style `|| return` set-up failure).
test_plan 3
t_short() {
	cd /nonexistent 2>/dev/null || return
	ok "fixture: never reached"
}
ok "fixture: first"
t_short
ok "fixture: last"
