# A file that exits, ending the whole run.
test_plan 2
ok "fixture: first"
exit 0
