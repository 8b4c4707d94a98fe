# A file that keeps its plan.
test_plan 2
ok "fixture: one"
ok "fixture: two"
