/* main.c: kansa's command table and entry point. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "i18n.h"
#include "workspace.h"

static int cmd_help(int argc, char **argv, struct cli *cli);
static int cmd_version(int argc, char **argv, struct cli *cli);

/* The exit codes of every command: printed once, by `kansa help` and in
 * kansa(1). */
#define EXIT_CODES                                                             \
	N_("Exit codes (every command):\n"                                     \
	   "  0  success\n"                                                    \
	   "  1  the command did its work and found what it fails on:\n"       \
	   "     verify: evidence changed or missing; run: findings of the\n"  \
	   "     --fail-on grade or graver\n"                                  \
	   "  2  wrong usage (the message and the command's usage follow)\n"   \
	   "  3  invalid input: every problem named as FILE:LINE: message;\n"  \
	   "     nothing was stored\n"                                         \
	   "  4  system, database or render failure\n")

const struct command cli_commands[] = {
	{"init", cmd_init, cmd_init_options,
	 N_("make a new workspace (kansa.ini and its folders)"),
	 N_("usage: kansa init [--organisation NAME] [--year FY] [DIR]\n"
	    "\n"
	    "Makes DIR (default: the current folder) a kansa workspace:\n"
	    "kansa.ini (where the policy, checklist, database, report "
	    "settings\n"
	    "and each year's answer sheets, evidence registers, audit file "
	    "and\n"
	    "plans files are), templates/ (report.ini with the organisation,\n"
	    "answer-sheet.txt, scoring.ini), checklists/, FY/answers/,\n"
	    "FY/evidence/, output/ and README.txt in Japanese saying what "
	    "goes\n"
	    "where.  Refuses a folder that already has kansa.ini.\n"),
	 N_("kansa.ini ([kansa] kind = workspace; paths relative to its "
	    "folder;\n"
	    "{year} stands for the fiscal year):\n"
	    "  [workspace] organisation, policy, checklist (default: the "
	    "policy\n"
	    "              file's name with .ini), database (kansa.db),\n"
	    "              templates (templates), output (output/{year})\n"
	    "  [files]     answers ({year}/answers/*.{ini,xlsx}), evidence\n"
	    "              ({year}/evidence/*.ini), audit ({year}/audit.ini),\n"
	    "              plans ({year}/plans-*.ini): glob patterns, {a,b} "
	    "allowed\n"
	    "\n"
	    "example: kansa init --organisation 架空町議会 --year 2025 "
	    "kansa-2025\n")},
	{"run", cmd_run, cmd_run_options,
	 N_("the yearly run of a workspace, in one command"),
	 N_("usage: kansa run --year FY [options]\n"
	    "\n"
	    "Does, from kansa.ini, each step as the kansa command of the same\n"
	    "name would (derive, import, verify, status and report run as "
	    "those\n"
	    "commands in child processes; score, findings and diff are "
	    "written\n"
	    "from one model of the year in the run's own process), printing "
	    "one\n"
	    "line per step with its time:\n"
	    "  derive    when the policy text or its checklist changed since "
	    "the\n"
	    "            last derive (with a notice when the text changed)\n"
	    "  import    every file of FY that kansa.ini points to, all or "
	    "none\n"
	    "  verify    the evidence files against their SHA-256 (a change is "
	    "a\n"
	    "            warning, the run goes on)\n"
	    "  status, score, findings, diff\n"
	    "            as text files in the output folder (diff when an\n"
	    "            earlier year has answers)\n"
	    "  report    the workpaper, both PDFs and MANIFEST.sha256, and "
	    "the\n"
	    "            run's record in the database (kansa runs)\n"
	    "then a summary: 実施率, findings by grade, open and overdue "
	    "plans,\n"
	    "evidence, the files written.  On a terminal a long step shows "
	    "its\n"
	    "time while it runs.  Every step's own output is in\n"
	    "OUTPUT/kansa-run.log.  The run stops at the first step that "
	    "fails\n"
	    "and exits with its code; what earlier steps did is kept.  The\n"
	    "database is kansa.ini's (--db is refused).\n"),
	 N_("example: kansa run --year 2025 --as-of 2026-01-31 --date "
	    "2026-02-10 "
	    "--fail-on 重大\n")},
	{"year", cmd_year, cmd_year_options,
	 N_("start the next fiscal year of a workspace, move one to a new "
	    "policy version"),
	 N_("usage: kansa year start FY [--from FY0] [-o DIR]\n"
	    "       kansa year move --year FY --to VERSION [--yes] "
	    "[--reason TEXT]\n"
	    "       kansa year log --year FY\n"
	    "\n"
	    "Starts fiscal year FY in the workspace around the current "
	    "folder:\n"
	    "makes the year's folders, writes its answer sheets for the\n"
	    "checklist in force in FY, and carries the open plans.  Each\n"
	    "respondent of the last year with answers (or FY0) gets a sheet\n"
	    "named like last year's, with department, role, respondent and\n"
	    "system filled in and, above each item as comments, last year's\n"
	    "status, evidence IDs and comment.  Every value is left empty:\n"
	    "nothing counts as FY's answer until the respondent writes it and\n"
	    "the sheet is imported (an item left empty is 未回答).  Roles "
	    "that\n"
	    "nobody answered for get blank sheets.  Plans neither 完了 nor\n"
	    "確認済 are written as they stand into FY/plans-from-FY0.ini (per\n"
	    "kansa.ini's plans pattern): imported unedited it changes "
	    "nothing;\n"
	    "edited, it is the next progress report.  A file already there is\n"
	    "left as it is.\n"
	    "\n"
	    "year move carries FY's answers, evidence links, judgements, "
	    "audit\n"
	    "decisions and its findings' plan items to another version of the\n"
	    "policy (VERSION of the year's policy, or NAME@VERSION), along "
	    "the\n"
	    "matching kansa diff uses: the target's [mapping], identical "
	    "text,\n"
	    "the same ID with a similar text, then the most similar text.  It\n"
	    "shows every renumbered, changed, removed and added item; only\n"
	    "--yes moves, in one transaction, logged with the mapping.  "
	    "Answers\n"
	    "of removed items go to the history, judgements of them into the\n"
	    "log.  A closed year is refused.  year log shows a year's log\n"
	    "(close, reopen, respondents, moves).\n"),
	 N_("example: kansa year start 2026\n"
	    "         kansa year move --year 2025 --to 2024.2 --yes "
	    "--reason 'policy amended'\n")},
	{"derive", cmd_derive, cmd_derive_options,
	 N_("derive the checklist from a policy text"),
	 N_("usage: kansa derive [options] POLICY.txt\n"
	    "\n"
	    "Parses the policy text (UTF-8 or Shift_JIS, any line ends) into\n"
	    "its numbered clauses and derives one checklist item per clause\n"
	    "that obliges someone, with its citation ID (6-4(2)キ), roles and\n"
	    "level (必須/推奨).  Writes the checklist INI file and stores the\n"
	    "policy version in the database.  Deriving again over a reviewed\n"
	    "checklist keeps its reviewer keys (weight, evidence_examples,\n"
	    "method, note) and honours its [renumber] section.\n"
	    "In a workspace, without POLICY.txt: its policy into its "
	    "checklist.\n"),
	 N_("example: kansa derive --version 2024 "
	    "checklists/mito-gikai-taisaku-kijun.txt\n")},
	{"items", cmd_items, cmd_items_options,
	 N_("list the checklist items of a policy"),
	 N_("usage: kansa items [options]\n"
	    "\n"
	    "Lists the items of the policy derived last, or of the one "
	    "named.\n"),
	 N_("TSV columns: id, level, roles, chapter, section, source_line, "
	    "text;\n"
	    "tab, newline and backslash in values are written \\t, \\n, \\\\.\n"
	    "\n"
	    "example: kansa items --role 情報システム管理者 --format tsv\n")},
	{"template", cmd_template, cmd_template_options,
	 N_("write the blank answer sheets of a fiscal year"),
	 N_("usage: kansa template --year FY [options]\n"
	    "\n"
	    "Writes one blank answer sheet per role that has items (or the "
	    "one\n"
	    "asked for) for the checklist in force in fiscal year FY: UTF-8\n"
	    "with CRLF line ends, every item of the role with its clause text\n"
	    "as comments, in document order.  The explanation at the top "
	    "comes\n"
	    "from templates/answer-sheet.txt.  With --format xlsx, an Excel\n"
	    "answer workbook per role instead (the yellow cells are the\n"
	    "respondent's; the rest is protected without a password).\n"),
	 N_("example: kansa template --year 2025 --role 情報システム管理者\n")},
	{"import", cmd_import, cmd_import_options,
	 N_("import answer sheets and evidence registers"),
	 N_("usage: kansa import --year FY [options] FILE...\n"
	    "\n"
	    "Validates every file first (answer sheets and evidence "
	    "registers,\n"
	    "in any order, UTF-8 with or without BOM or Shift_JIS, any line\n"
	    "ends) and lists every error of every file as FILE:LINE: message.\n"
	    "When there is any error nothing is stored.  Otherwise everything\n"
	    "is stored in one transaction: the SHA-256 and size of each\n"
	    "evidence file, and each respondent's answers (a respondent is "
	    "the\n"
	    "fiscal year, department, role and system; a new version of a\n"
	    "sheet replaces the answers and keeps the old ones in the "
	    "history).\n"
	    "Importing the identical file again changes nothing.\n"
	    "A FILE.xlsx is a workbook kansa wrote: an answer workbook of\n"
	    "kansa template --format xlsx, or the workpaper, whose auditor's\n"
	    "cells (表紙 and 監査調書) are taken as the year's audit file;\n"
	    "it keeps what it does not carry (the opinion, the frame, the\n"
	    "auditors) from the audit in force.  With --complete (kansa run)\n"
	    "an audit file imported before, whose audit a later import of\n"
	    "another file replaced, is left out of force (a warning).\n"
	    "It must be of the same year and policy; errors name the cell as\n"
	    "FILE:SHEET!CELL.  Saved by Excel, LibreOffice or openpyxl is "
	    "fine.\n"
	    "In a workspace, without FILE: every file of FY its kansa.ini\n"
	    "names.\n"),
	 N_("example: kansa import --year 2025 examples/2025/*.ini\n")},
	{"verify", cmd_verify, cmd_verify_options,
	 N_("check the recorded evidence files against their SHA-256"),
	 N_("usage: kansa verify --year FY\n"
	    "\n"
	    "Hashes every evidence file recorded for FY again and lists each "
	    "as\n"
	    "ok, changed (with the old and new SHA-256) or missing.  Exits 1\n"
	    "when any is not ok.\n"),
	 NULL},
	{"status", cmd_status, cmd_status_options,
	 N_("show who answered and what is still open in a year"),
	 N_("usage: kansa status --year FY [--as-of DATE]\n"
	    "\n"
	    "Shows the respondents of FY and when they answered, the items no\n"
	    "responsible role answered (未回答), answers of 実施 or 一部実施\n"
	    "without evidence, and evidence that is missing, changed or "
	    "expired\n"
	    "(expiry against --as-of, default today).\n"),
	 NULL},
	{"score", cmd_score, cmd_score_options,
	 N_("show the 実施率 of a year (自己評価, 監査評価)"),
	 N_("usage: kansa score --year FY [options]\n"
	    "\n"
	    "実施率 = Σ weight × points / Σ weight over the applicable items\n"
	    "(実施 1, 一部実施 0.5, 未実施 and 未回答 0; 該当なし left out), "
	    "for\n"
	    "the whole policy, 必須 items only, and each chapter, section, "
	    "role,\n"
	    "department or system; in the self view (the answers) and the "
	    "audit\n"
	    "view (the audit chief's judgements; 実施 without valid evidence\n"
	    "counts as 一部実施).  The rules: docs/scoring.md.\n"),
	 N_("example: kansa score --year 2025 --by department\n")},
	{"findings", cmd_findings, cmd_findings_options,
	 N_("list the findings (指摘事項) of a year"),
	 N_("usage: kansa findings --year FY [--as-of DATE] [--format FMT]\n"
	    "       kansa findings --year FY --candidates [--format FMT]\n"
	    "       kansa findings --year FY --skeleton FILE|-\n"
	    "\n"
	    "Every item not fully met, by grade: 必須 and 未実施: "
	    "重大な不適合;\n"
	    "必須 and 一部実施: 軽微な不適合; 推奨 and not 実施: 推奨事項; "
	    "実施\n"
	    "without valid evidence, or 未回答: 観察事項.  The audit chief's\n"
	    "judgement (kind = audit) overrides the grade.  A finding lists "
	    "every\n"
	    "department and system where the item is not met.\n"
	    "The rules' grades are candidates (候補) until the audit file\n"
	    "decides each: confirms, regrades, or dismisses it (judgement = "
	    "棄却\n"
	    "with a reason).  While a 重大/軽微 candidate is undecided the\n"
	    "reports are drafts (案).  --candidates lists the undecided ones;\n"
	    "--skeleton FILE writes an audit-file section for each, to fill "
	    "in.\n"),
	 NULL},
	{"diff", cmd_diff, cmd_diff_options,
	 N_("compare a year with an earlier one"),
	 N_("usage: kansa diff --year FY [--against FY2] [--all] [--format "
	    "FMT]\n"
	    "\n"
	    "Classifies each item as 改善, 悪化, 維持, 継続, 新規 or 削除 and\n"
	    "flags 文言変更.  Items are matched across policy versions by ID "
	    "when\n"
	    "their texts are alike, otherwise by text similarity (a "
	    "renumbered\n"
	    "section is a move); the checklist's [mapping] overrides.  Shows "
	    "the\n"
	    "実施率 per chapter, the most improved and declined sections, and "
	    "the\n"
	    "plans whose finding persists after their due date.\n"),
	 NULL},
	{"plan", cmd_plan, cmd_plan_options,
	 N_("add, update, close, show and list plans"),
	 N_("usage: kansa plan list [--as-of DATE] [--overdue] [--all]\n"
	    "                 [--format text|tsv|json]\n"
	    "       kansa plan show ID\n"
	    "       kansa plan add ID --item ITEM... --finding-year FY\n"
	    "                 --department DEPT --role ROLE --action TEXT "
	    "--due "
	    "DATE\n"
	    "       kansa plan update ID [--status S] [--progress N] [--due "
	    "DATE\n"
	    "                 --reason TEXT] [--action TEXT] [--note TEXT]\n"
	    "       kansa plan close ID [--completed-on DATE] [--confirm --by "
	    "NAME]\n"
	    "       kansa plan suggest --year FY [-o FILE]\n"
	    "\n"
	    "改善計画: every change is appended to the plan's log, never\n"
	    "overwritten (--as-of dates it; default today).  Moving a due "
	    "date\n"
	    "later needs --reason.  Status 未着手, 対応中, 完了, 確認済; "
	    "確認済\n"
	    "only by the audit chief (close --confirm --by NAME, or a plans "
	    "file\n"
	    "with role = 情報セキュリティ監査統括責任者).  A plan is overdue "
	    "when\n"
	    "its due date is before the as-of date and it is neither 完了 nor\n"
	    "確認済.  'list' shows the plans not yet 確認済 (--all: every "
	    "plan).\n"
	    "'suggest' writes a plans file skeleton for every 重大/軽微 "
	    "finding\n"
	    "that no plan addresses.  Plans files (kind = plans) are imported "
	    "with\n"
	    "kansa import.\n"),
	 NULL},
	{"report", cmd_report, cmd_report_options,
	 N_("write the workpaper (xlsx) and the reports (PDF) of a year"),
	 N_("usage: kansa report --year FY [options]\n"
	    "       kansa report plans [--as-of DATE] [--since DATE] "
	    "[options]\n"
	    "\n"
	    "Writes, for the fiscal year FY, the audit workpaper (監査調書,\n"
	    "output/FY/kansa-FY-workpaper.xlsx), the CISO's summary and the\n"
	    "audit chief's full report (PDF).  Labels, the organisation, the\n"
	    "classification marking and the file names come from\n"
	    "templates/report.ini (the workspace's, --templates DIR, the\n"
	    "installed share folder, else compiled in).  Each file is written\n"
	    "to a temporary name and renamed when complete.  The same inputs\n"
	    "with the same --as-of and --date give byte-identical files.\n"
	    "In a workspace the output folder is kansa.ini's.\n"),
	 N_("Every run writes MANIFEST.sha256 in the output folder (the files\n"
	    "written now and those of earlier runs still there; `sha256sum "
	    "-c`\n"
	    "checks it) and records the run (kansa runs).\n"
	    "\n"
	    "kansa report plans writes the quarterly plan-progress report as "
	    "of\n"
	    "--as-of (default today) into output/FY (FY: the fiscal year of "
	    "the\n"
	    "as-of date): kansa-plans-DATE.pdf, a short letter to the CISO, "
	    "and\n"
	    "kansa-plans-DATE.xlsx, one sheet.  Every plan open on the as-of\n"
	    "date, overdue first (most days first), with its progress then "
	    "and\n"
	    "at the last report (--since, default three months before), and "
	    "the\n"
	    "plans closed since.  A plan's state on a date is its last "
	    "version\n"
	    "imported with an as_of on or before it.\n"
	    "\n"
	    "example: kansa report --year 2025 --as-of 2026-01-31 --date "
	    "2026-02-10\n"
	    "         kansa report plans --as-of 2026-03-31\n")},
	{"backup", cmd_backup, cmd_db_options,
	 N_("copy the database safely, even while in use"),
	 N_("usage: kansa backup FILE\n"
	    "\n"
	    "Copies the database to FILE with SQLite's online backup, so that\n"
	    "the copy is consistent even while another kansa writes to it.\n"
	    "The copy is written to a temporary name and renamed when\n"
	    "complete, with the database's permissions; an existing FILE is\n"
	    "replaced, never the database itself (refused).\n"),
	 N_("example: kansa backup backup/kansa-2026-02-10.db\n")},
	{"check-db", cmd_check_db, cmd_db_options,
	 N_("check the database's integrity"),
	 N_("usage: kansa check-db\n"
	    "\n"
	    "Compares the schema (tables, indexes, triggers, views) with the\n"
	    "one this kansa makes and names anything added, missing or\n"
	    "changed (every other command refuses such a database), then\n"
	    "runs SQLite's integrity and foreign key checks and kansa's own\n"
	    "rules between tables (answers and judgements only to items of "
	    "the\n"
	    "year's policy version, evidence links within their year, each\n"
	    "plan as its log last left it, well-formed SHA-256s).  Each "
	    "problem\n"
	    "is printed; exit 4 when there is one.\n"),
	 N_("example: kansa check-db --db kansa.db\n")},
	{"runs", cmd_runs, cmd_runs_options,
	 N_("list the recorded report runs"),
	 N_("usage: kansa runs [--year FY]\n"
	    "\n"
	    "Lists every recorded `kansa report` run: when it finished, the\n"
	    "kansa version, its --as-of and --date, how many files it read "
	    "and\n"
	    "wrote (each kept with its SHA-256 in the database) and the input\n"
	    "digest printed in the reports.\n"),
	 N_("example: kansa runs --year 2025\n")},
	{"close", cmd_close, cmd_close_options,
	 N_("close a year: its record and reports are final"),
	 N_("usage: kansa close --year FY [--reason TEXT]\n"
	    "\n"
	    "Closes FY (the audit chief, when the year's report is final):\n"
	    "from then on imports into FY, plan changes dated in it, changes\n"
	    "of its respondents and recording evidence checks are refused or\n"
	    "skipped, and its policy version stays as it is.  The next\n"
	    "`kansa report --year FY --as-of DATE --date DATE` (or kansa run\n"
	    "with both: they are not guessed) makes the final outputs,\n"
	    "without 案, and records their SHA-256s; every later report of FY\n"
	    "must reproduce them byte for byte (it uses the final report's\n"
	    "--as-of and --date unless given others), or leaves them as they\n"
	    "are and says which file differs and why.  Logged.\n"),
	 N_("example: kansa close --year 2025\n")},
	{"reopen", cmd_reopen, cmd_close_options,
	 N_("reopen a closed year, with a reason (logged)"),
	 N_("usage: kansa reopen --year FY --reason TEXT\n"
	    "\n"
	    "Reopens a closed year to correct a mistake: its reports are\n"
	    "drafts (案) again until it is closed again.  The reason "
	    "(required)\n"
	    "and the SHA-256s of the final outputs it had are kept in the "
	    "year\n"
	    "log.\n"),
	 N_("example: kansa reopen --year 2025 --reason "
	    "\"回答票の部署名の誤り\"\n")},
	{"respondents", cmd_respondents, cmd_respondents_options,
	 N_("list, remove or rename the respondents of a year"),
	 N_("usage: kansa respondents --year FY\n"
	    "       kansa respondents remove --year FY --department D --role "
	    "R\n"
	    "                        [--system S] --reason TEXT\n"
	    "       kansa respondents rename --year FY --department D --role "
	    "R\n"
	    "                        [--system S] [--to-department D2]\n"
	    "                        [--to-system S2] --reason TEXT\n"
	    "\n"
	    "A respondent is (year, department, role, system), the names\n"
	    "normalised (NFKC, spaces at either end removed, inner runs of\n"
	    "spaces made one).  The list shows the current respondents, then\n"
	    "the retired ones: removed by hand, or retired by an import of "
	    "all\n"
	    "the year's files (kansa run) that no longer has their sheet.\n"
	    "remove retires one (its answers stay in the history); rename\n"
	    "corrects its department or system.  Both are logged with the\n"
	    "reason and refused in a closed year.\n"),
	 N_("example: kansa respondents remove --year 2025 --department \"議会 "
	    "事務局\"\n"
	    "             --role 情報システム管理者 --reason "
	    "\"部署名の誤り\"\n")},
	{"help", cmd_help, NULL, N_("show help for kansa or a command"),
	 N_("usage: kansa help [COMMAND]\n"
	    "       kansa help --man\n"
	    "\n"
	    "Shows the list of commands, one command's help, or (--man) the\n"
	    "manual page kansa(1) as roff (make builds it, make install\n"
	    "installs it: man kansa).\n"),
	 NULL},
	{"version", cmd_version, NULL, N_("show kansa's version"),
	 N_("usage: kansa version\n"), NULL},
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

static void print_main_usage(FILE *out)
{
	fputs(_("usage: kansa [--db FILE] [--workspace DIR] COMMAND [ARGS]\n"
		"\n"
		"kansa (監査) turns an information-security policy into its\n"
		"yearly self-inspection and audit.  Commands:\n"
		"\n"),
	      out);
	for (size_t i = 0; i < cli_ncommands; i++)
		fprintf(out, "  %-10s %s\n", cli_commands[i].name,
			_(cli_commands[i].summary));
	fputs(_("\n'kansa help COMMAND' or 'kansa COMMAND --help' tells "
		"more.\n"),
	      out);
	fputs("\n", out);
	fputs(_(EXIT_CODES), out);
}

/* Writes text as roff: a backslash escaped, a line starting with . or '
 * guarded. */
static void roff(FILE *out, const char *text)
{
	bool bol = true;
	for (const char *s = text; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", out);
		if (*s == '\\')
			fputs("\\e", out);
		else
			fputc(*s, out);
		bol = *s == '\n';
	}
}

/* The whole help of cmd (as `kansa help CMD` prints it) as roff. */
static void roff_usage(FILE *out, const struct command *cmd)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	if (!mem) { /* no memory: the synopsis at least */
		roff(out, cmd->usage);
		return;
	}
	cli_print_usage(mem, cmd);
	fclose(mem);
	roff(out, text);
	free(text);
}

/* The manual page kansa(1), made from the command table so that it says
 * what `kansa help` says (make builds it; make install installs it). */
/* kansa(1) after its commands: files and environment, up to the exit
 * codes. */
static const char man_files[] =
	".SH FILES\n"
	".TP\n.I kansa.ini\n"
	"The workspace: where the policy, checklist, database, report "
	"settings, output and each year's inputs are (kansa init).\n"
	".TP\n.I templates/report.ini\n"
	"Report settings: organisation, classification marking, "
	"addressee, titles, file names, font.\n"
	".TP\n.I templates/scoring.ini\n"
	"Weights of 必須 and 推奨 items.\n"
	".TP\n.I templates/answer-sheet.txt\n"
	"The explanation at the top of each answer sheet.\n"
	".TP\n.I output/FY/MANIFEST.sha256\n"
	"SHA-256 of every file written for the year; "
	"\\fBsha256sum \\-c\\fR checks it.\n"
	".TP\n.I output/FY/kansa-run.log\n"
	"What each step of the last kansa run printed.\n"
	".SH ENVIRONMENT\n"
	".TP\n.B KANSA_DB\n"
	"The database when \\fB\\-\\-db\\fR is not given "
	"(default: the workspace's, else kansa.db).\n"
	".TP\n.B KANSA_WORKSPACE\n"
	"The workspace folder (or its kansa.ini) when "
	"\\fB\\-\\-workspace\\fR is not given; default: the "
	"nearest folder with a kansa.ini, from the current folder "
	"up.  Every command takes its database, templates, output "
	"folder and input files from it.\n"
	".TP\n.BR LANG \", \" LC_ALL \", \" LC_MESSAGES\n"
	"The language of kansa's messages, usage texts and "
	"summaries: Japanese under a Japanese locale "
	"(LANG=ja_JP.UTF-8), English otherwise (catalogue: "
	"PREFIX/share/locale/ja/LC_MESSAGES/kansa.mo).  What kansa "
	"writes (workbooks, PDFs, answer sheets, text results) is "
	"the same under every locale.  Option values are taken in "
	"either language (\\-\\-fail\\-on grave or 重大).\n"
	".TP\n.B TMPDIR\n"
	"Where the workbook writer keeps its temporary files.\n"
	".SH EXIT STATUS\n"
	".nf\n";

/* kansa(1) after the exit codes. */
static const char man_tail[] =
	".fi\n"
	".SH EXAMPLES\n"
	".nf\n"
	"kansa init \\-\\-organisation 架空町議会 \\-\\-year 2025 "
	"kansa\\-2025\n"
	"kansa run \\-\\-year 2025 \\-\\-as\\-of 2026\\-01\\-31 "
	"\\-\\-date 2026\\-02\\-10 \\-\\-fail\\-on 重大\n"
	"kansa report plans \\-\\-as\\-of 2026\\-03\\-31\n"
	"kansa backup kansa\\-2026\\-03\\-31.db\n"
	".fi\n"
	".SH SEE ALSO\n"
	".BR kansa-workspace (5),\n"
	".BR kansa-answers (5),\n"
	".BR kansa-evidence (5),\n"
	".BR kansa-audit (5),\n"
	".BR kansa-plans (5),\n"
	".BR kansa-checklist (5),\n"
	".BR kansa-settings (5),\n"
	".BR sha256sum (1),\n"
	".BR sqlite3 (1)\n";

static void print_man(FILE *out)
{
	fprintf(out,
		"'\\\" -*- coding: UTF-8 -*-\n"
		".TH KANSA 1 \"\" \"kansa %s\" \"kansa manual\"\n"
		".SH NAME\n"
		"kansa \\- information-security self-inspection and audit "
		"from a written policy\n"
		".SH SYNOPSIS\n"
		".B kansa\n"
		"[\\fB\\-\\-db\\fR \\fIFILE\\fR] \\fICOMMAND\\fR "
		"[\\fIARGS\\fR]\n"
		".SH DESCRIPTION\n"
		"kansa (監査) turns an organisation's information-security "
		"policy "
		"(情報セキュリティ対策基準) into its yearly self-inspection "
		"(自己点検) and audit (情報セキュリティ監査): it derives a "
		"checklist with one item per obligation clause, writes answer "
		"sheets per role, imports the answers, evidence registers, the "
		"audit chief's judgements and improvement plans into one "
		"SQLite "
		"database, scores them, compares years, and writes the audit "
		"workpaper (xlsx) and the reports (PDF).\n"
		".PP\n"
		"The yearly run of a workspace is one command, "
		"\\fBkansa run\\fR; the other commands are its steps and the "
		"tools around them.\n"
		".SH COMMANDS\n",
		KANSA_VERSION);
	for (size_t i = 0; i < cli_ncommands; i++) {
		fprintf(out, ".SS %s\n", cli_commands[i].name);
		roff(out, cli_commands[i].summary);
		fputs(".\n.PP\n.nf\n", out);
		roff_usage(out, &cli_commands[i]);
		fputs(".fi\n", out);
	}
	fputs(man_files, out);
	roff(out, EXIT_CODES);
	fputs(man_tail, out);
}

static int cmd_help(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd;
	(void)cli;
	if (argc == 2 &&
	    (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		cli_print_usage(stdout, cli_find("help"));
		return KANSA_EXIT_OK;
	}
	if (argc == 2 && strcmp(argv[1], "--man") == 0) {
		print_man(stdout);
		return KANSA_EXIT_OK;
	}
	if (argc < 2) {
		print_main_usage(stdout);
		return KANSA_EXIT_OK;
	}
	if (!(cmd = cli_find(argv[1]))) {
		fprintf(stderr, _("kansa help: unknown command '%s'\n\n"),
			argv[1]);
		print_main_usage(stderr);
		return KANSA_EXIT_USAGE;
	}
	cli_print_usage(stdout, cmd);
	return KANSA_EXIT_OK;
}

static int cmd_version(int argc, char **argv, struct cli *cli)
{
	(void)argc;
	(void)argv;
	(void)cli;
	printf("kansa %s (schema %d)\n", KANSA_VERSION, store_schema_version());
	return KANSA_EXIT_OK;
}

/* True when the arguments ask for help (before any "--"). */
static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

/* True when cmd takes --workspace (every command that reads a workspace). */
static bool takes_workspace(const struct command *cmd)
{
	for (const struct cli_option *o = cmd->options; o && o->name; o++)
		if (strcmp(o->name, "workspace") == 0)
			return true;
	return false;
}

/* The value of the command's --workspace DIR (or --workspace=DIR) before
 * any "--", or dflt: the workspace is opened before the command parses
 * its options, so that every default comes from it. */
static const char *workspace_arg(int argc, char **argv, const char *dflt)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--workspace") == 0 && i + 1 < argc)
			dflt = argv[++i];
		else if (strncmp(argv[i], "--workspace=", 12) == 0)
			dflt = argv[i] + 12;
	}
	return dflt;
}

/* The options before the command (--db, --workspace, --help, --version):
 * the index of the command, or -1 - the exit code when done. */
static int global_options(int argc, char **argv, struct cli *cli,
			  const char **ws)
{
	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli->db = argv[i + 1];
			cli->db_named = true;
			i += 2;
		} else if (strcmp(argv[i], "--workspace") == 0 &&
			   i + 1 < argc) {
			*ws = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--help") == 0 ||
			   strcmp(argv[i], "-h") == 0) {
			print_main_usage(stdout);
			return -1 - KANSA_EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			return -1 - cmd_version(0, NULL, cli);
		} else {
			fprintf(stderr, _("kansa: unknown option '%s'\n\n"),
				argv[i]);
			print_main_usage(stderr);
			return -1 - KANSA_EXIT_USAGE;
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	struct cli cli = {0};
	const struct command *cmd;
	char prog[64];
	const char *env = getenv("KANSA_DB"), *ws = NULL;
	int i, rc;

	i18n_init();
	fileio_check_stdout_at_exit();
	cli.db = env && *env ? env : "kansa.db";
	cli.db_named = env && *env;
	diags_init(&cli.diags);
	if ((i = global_options(argc, argv, &cli, &ws)) < 0)
		return -1 - i;
	if (i >= argc) {
		print_main_usage(stderr);
		return KANSA_EXIT_USAGE;
	}
	if (!(cmd = cli_find(argv[i]))) {
		fprintf(stderr, _("kansa: unknown command '%s'\n\n"), argv[i]);
		print_main_usage(stderr);
		return KANSA_EXIT_USAGE;
	}
	if (cmd->fn != cmd_help && wants_help(argc - i, argv + i)) {
		cli_print_usage(stdout, cmd);
		return KANSA_EXIT_OK;
	}
	if (ws && !takes_workspace(cmd))
		return cli_usage_error(cmd, _("--workspace: this command "
					      "does not use a workspace"));
	if (takes_workspace(cmd) &&
	    cli_open_workspace(&cli, workspace_arg(argc - i, argv + i, ws)))
		return cli_finish(&cli, KANSA_ERR_INPUT);
	/* getopt's messages then begin "kansa CMD:" */
	snprintf(prog, sizeof(prog), "kansa %s", cmd->name);
	argv[i] = prog;
	rc = cmd->fn(argc - i, argv + i, &cli);
	diags_release(&cli.diags);
	workspace_close_current();
	free(cli.db_owned);
	return rc;
}
