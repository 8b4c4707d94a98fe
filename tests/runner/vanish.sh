# A test whose set-up fails, the way the tests in tests/cli do.
test_plan 2
t_vanish() {
	ws=$(false) || { setup_failed t_vanish; return; }
	ok "fixture: never reached"
}
t_vanish
ok "fixture: after"
