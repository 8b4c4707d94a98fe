# A file without a plan.
ok "fixture: one"
