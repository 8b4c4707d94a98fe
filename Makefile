# Makefile for kansa: `make`, `make check`, `make demo`, `make install`.
# V=1 shows commands; SANITIZE=address,undefined builds with sanitizers;
# CI=1 (set by CI) adds -Werror.

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
SHAREDIR  ?= $(PREFIX)/share/kansa
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR   ?=
CC        ?= cc
PKG_CONFIG ?= pkg-config
BUILD     ?= build

ifeq ($(V),1)
Q =
else
Q = @
endif

PKGS      = xlsxwriter sqlite3 nettle libzip expat
WARN      = -Wall -Wextra -pedantic -Wstrict-prototypes -Wmissing-prototypes \
            -Wwrite-strings -Wvla -Wshadow -Wformat=2
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -I/usr/include/iniparser -Igenerator \
            $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) \
            -DKANSA_SHAREDIR='"$(SHAREDIR)"' \
            -DKANSA_LOCALEDIR='"$(LOCALEDIR)"' -pthread
LDLIBS   += $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) \
            -lhpdf -liniparser -lunistring -lm -pthread
ifneq ($(CI),)
CFLAGS   += -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS   += -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) \
            -fno-omit-frame-pointer
LDFLAGS  += -fsanitize=$(SANITIZE)
endif

SRCS      = $(wildcard generator/*.c)
LIB_SRCS  = $(filter-out generator/main.c,$(SRCS))
TEMPLATES = $(sort $(wildcard templates/*))
GEN_OBJS  = $(BUILD)/obj/templates_data.o $(BUILD)/obj/store_schema_rows.o
OBJS      = $(SRCS:generator/%.c=$(BUILD)/obj/%.o) $(GEN_OBJS)
LIB_OBJS  = $(LIB_SRCS:generator/%.c=$(BUILD)/obj/%.o) $(GEN_OBJS)
MAN5      = $(sort $(wildcard docs/man/*.5))
# message catalogues: po/LANG.po compiled into BUILD/locale (where the
# uninstalled kansa finds them, i18n.c) and installed into LOCALEDIR
LINGUAS   = $(basename $(notdir $(wildcard po/*.po)))
MOS       = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/kansa.mo)
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
# each fuzz harness linked with tests/fuzz/replay.c instead of libFuzzer:
# tests/run.sh replays every seed of tests/fuzz/seeds/NAME through it (the
# harnesses share fuzz_common.h, whose statics not all of them use)
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
REPLAY_BINS = $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/replay/%)

.PHONY: all deps demo check test unit regress install uninstall clean \
        format format-check fuzz bench bench-doc valgrind golden check-structure \
        pot

all: $(BUILD)/kansa $(BUILD)/kansa.1 $(BUILD)/kansa.bash $(MOS)

# A catalogue with an error, an untranslated or fuzzy message fails here.
$(BUILD)/locale/%/LC_MESSAGES/kansa.mo: po/%.po
	@echo "  MSGFMT  $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# po/kansa.pot: every message marked _() or N_() in the sources; then
# `msgmerge -U po/ja.po po/kansa.pot` and translate what is new.
pot:
	$(Q)sh tools/pot.sh po/kansa.pot

$(BUILD)/kansa: $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/obj/%.o: generator/%.c $(wildcard generator/*.h) | $(BUILD)/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# templates/ compiled in, so that kansa works from any folder
$(BUILD)/gen/templates_data.c: $(TEMPLATES) tools/embed.sh | $(BUILD)/gen
	@echo "  GEN     $@"
	$(Q)sh tools/embed.sh $@ $(TEMPLATES)

$(BUILD)/obj/templates_data.o: $(BUILD)/gen/templates_data.c | $(BUILD)/obj
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# the rows of the schema the migrations make, compiled in (store_maint.c
# compares a database's schema with them): made by running the migrations
# once here rather than in every kansa process
$(BUILD)/schema_rows: tools/schema_rows.c generator/store_migrate.c \
		generator/store_schema.c $(wildcard generator/*.h) | $(BUILD)/gen
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ tools/schema_rows.c \
		generator/store_migrate.c generator/store_schema.c $(LDFLAGS) \
		$(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null)

$(BUILD)/gen/store_schema_rows.c: $(BUILD)/schema_rows | $(BUILD)/gen
	@echo "  GEN     $@"
	$(Q)$(BUILD)/schema_rows $@

$(BUILD)/obj/store_schema_rows.o: $(BUILD)/gen/store_schema_rows.c | $(BUILD)/obj
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libkansa.a: $(LIB_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $(LIB_OBJS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkansa.a | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) $(BUILD)/libkansa.a \
		$(LDLIBS) -lcmocka

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h \
		$(BUILD)/libkansa.a | $(BUILD)/replay
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-unused-function -Wno-unused-variable \
		-o $@ $< tests/fuzz/replay.c $(LDFLAGS) \
		$(BUILD)/libkansa.a $(LDLIBS)

$(BUILD)/obj $(BUILD)/tests $(BUILD)/gen $(BUILD)/replay:
	$(Q)mkdir -p $@

deps:
	$(Q)sh tools/deps.sh

unit: $(UNIT_BINS) $(REPLAY_BINS)

check: deps
	$(Q)$(MAKE) --no-print-directory all unit
	$(Q)sh tests/run.sh $(BUILD)

test: check

# The reviewed dumps of the demo's documents (tests/regress/documents),
# made again after a change to what they show; review the git diff.
golden: all
	$(Q)sh tools/golden.sh $(BUILD)/kansa tests/regress/documents
	@echo "golden: wrote tests/regress/documents; review: git diff --stat tests/regress/documents"

# The demo's yearly run under valgrind (memcheck, every child step).
valgrind: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh tools/valgrind.sh $(BUILD)/kansa

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh tools/demo.sh $(BUILD)/kansa

# The manual page, made from the command table (kansa help --man).
$(BUILD)/kansa.1: $(BUILD)/kansa
	$(Q)LANGUAGE= LC_ALL=C.UTF-8 $(BUILD)/kansa help --man >$@.tmp && mv $@.tmp $@

# The bash completion, made from `kansa help` (the command table).
$(BUILD)/kansa.bash: $(BUILD)/kansa tools/completion.sh
	$(Q)LANGUAGE= LC_ALL=C.UTF-8 sh tools/completion.sh $(BUILD)/kansa $@

# The binary, its data (templates, the sample policy and checklist), the
# manual pages (kansa(1) and the file formats in section 5) and the bash
# completion.  The installed kansa finds its data beside itself
# (BINDIR/../share/kansa), whatever PREFIX it was compiled with.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/templates \
		$(DESTDIR)$(SHAREDIR)/checklists $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(COMPLETIONDIR) \
		$(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES)
	install -m 755 $(BUILD)/kansa $(DESTDIR)$(BINDIR)/kansa
	for l in $(LINGUAS); do install -m 644 \
		$(BUILD)/locale/$$l/LC_MESSAGES/kansa.mo \
		$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kansa.mo || exit 1; done
	install -m 644 $(BUILD)/kansa.1 $(DESTDIR)$(MANDIR)/man1/kansa.1
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 $(TEMPLATES) $(DESTDIR)$(SHAREDIR)/templates/
	install -m 644 checklists/* $(DESTDIR)$(SHAREDIR)/checklists/
	install -m 644 $(BUILD)/kansa.bash $(DESTDIR)$(COMPLETIONDIR)/kansa

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kansa $(DESTDIR)$(MANDIR)/man1/kansa.1 \
		$(MAN5:docs/man/%=$(DESTDIR)$(MANDIR)/man5/%) \
		$(DESTDIR)$(COMPLETIONDIR)/kansa \
		$(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/kansa.mo)
	rm -rf $(DESTDIR)$(SHAREDIR)
	-rmdir $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES) \
		$(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%) 2>/dev/null
	-rmdir $(DESTDIR)$(COMPLETIONDIR) $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man1 2>/dev/null

FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	$(Q)sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# make bench: docs/performance.md's figures (reported, never asserted);
# BENCH_PAIRS=N runs a figure (3 at least), BENCH_REFERENCE=OTHER/kansa
# also compares each size's outputs with that binary's byte for byte.
BENCH_SIZES ?= 30 300 3000 10000
bench: all $(BUILD)/floor_xlsx $(BUILD)/floor_pdf
	$(Q)sh bench/run.sh $(BUILD)/kansa $(BENCH_SIZES)

# make bench's floors (bench/*.c); the PDF one makes its fonts with
# kansa's own pdf_font.c, from libkansa.a
$(BUILD)/floor_xlsx: bench/floor_xlsx.c bench/floor_read.c bench/floor_read.h
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -o $@ bench/floor_xlsx.c bench/floor_read.c $(LDLIBS)

$(BUILD)/floor_pdf: bench/floor_pdf.c bench/floor_read.c bench/floor_read.h \
		$(BUILD)/libkansa.a
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -o $@ bench/floor_pdf.c bench/floor_read.c \
		$(BUILD)/libkansa.a $(LDLIBS)

# docs/performance.md's tables and docs/performance.svg from every make
# bench run's $(BUILD)/bench/results-SIZES.json (a later run's size
# replaces an earlier one's).
bench-doc:
	$(Q)/usr/bin/python3 bench/perfdoc.py --write docs/performance.md \
		$(wildcard $(BUILD)/bench/results-*.json)

# Functions over 80 lines and cycles between files (docs/architecture.md);
# reports them and fails while there are any (not yet part of make check).
check-structure: all
	$(Q)/usr/bin/python3 tools/check-structure.py $(BUILD)

format:
	clang-format -i generator/*.c generator/*.h tests/unit/*.c tests/fuzz/*.c \
		bench/*.c bench/*.h tools/*.c

format-check:
	$(Q)clang-format --dry-run --Werror generator/*.c generator/*.h \
		tests/unit/*.c tests/fuzz/*.c bench/*.c bench/*.h tools/*.c

clean:
	rm -rf $(BUILD)
