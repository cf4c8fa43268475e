# gongkai — build, demo, check, check-asan, fuzz, bench, install.
# Sources are found by wildcard: a new module is a new .c file under src/,
# a new test a new tests/test-*.c; nothing here needs editing for either.

PKGS     = poppler-glib cairo tesseract lept libpcre2-8 glib-2.0 gio-2.0 gmodule-2.0 jansson sqlite3 libxml-2.0
# Not linked: opened on first use, by soname: tesseract (src/ocr/tess-api.h), and
# the libraries whose loading the text path need not pay (src/common/gk-libs.h).
LAZY_PKGS = tesseract poppler-glib cairo lept libxml-2.0 sqlite3
LINK_PKGS = $(filter-out $(LAZY_PKGS),$(PKGS))
# The soname of package $(1)'s library (its first -l), as on the build machine.
soname = $(shell readelf -d $$(pkg-config --variable=libdir $(1))/lib$(patsubst -l%,%,$(firstword \
           $(shell pkg-config --libs-only-l $(1)))).so 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
soname_flag = $(if $(2),-DGK_$(1)_SONAME='"$(2)"')
# Worked out once, when a recipe first needs them.
SONAME_FLAGS = $(eval SONAME_FLAGS := $(call soname_flag,TESSERACT,$(call soname,tesseract)) \
                 $(call soname_flag,POPPLER,$(call soname,poppler-glib)) \
                 $(call soname_flag,CAIRO,$(call soname,cairo)) $(call soname_flag,LEPT,$(call soname,lept)) \
                 $(call soname_flag,XML,$(call soname,libxml-2.0)) $(call soname_flag,SQLITE,$(call soname,sqlite3)))$(SONAME_FLAGS)
# The tests call those libraries themselves (making pages, images, databases).
TEST_LIBS = $(shell pkg-config --libs $(filter-out tesseract,$(LAZY_PKGS)))
BUILD   ?= build
# The version, defined once: VERSION, passed to the code as GK_VERSION (common/gk-version.h).
GK_VERSION := $(shell cat VERSION)
CC      ?= cc
OPT     ?= -O2 -g
# Recursive (=) on purpose: pkg-config runs when a recipe needs the flags,
# after scripts/install-deps has had its chance to install the -dev packages.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(LINK_PKGS))
# -fPIC: the same objects make the program and libgongkai.so (gongkai.h).
CFLAGS_ALL = -std=c17 $(OPT) -fPIC -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
             -D_GNU_SOURCE -Isrc $(PKG_CFLAGS) -DGK_MODELS_DIR='"$(CURDIR)/models"' -DGK_VERSION='"$(GK_VERSION)"' \
             $(SONAME_FLAGS) $(SAN) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -lpthread $(SAN) $(LDFLAGS)

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/test-*.c))
TESTS    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
DEPS_OK  := $(BUILD)/.deps-ok

.PHONY: all deps demo check check-asan fuzz bench bench-text eval eval-text eval-dumpers eval-variants eval-fresh valgrind clean install uninstall
all: $(BUILD)/gongkai $(BUILD)/libgongkai.so

$(DEPS_OK): scripts/install-deps
	@mkdir -p $(BUILD)
	scripts/install-deps
	@touch $@
deps: $(DEPS_OK)

# Objects of a build dir from before -fPIC (no .pic stamp yet) are made again, once.
$(BUILD)/.pic:
	@mkdir -p $(@D)
	@touch $@

$(BUILD)/obj/%.o: src/%.c VERSION $(BUILD)/.pic | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libgongkai.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/gongkai: $(CLI_OBJ) $(BUILD)/libgongkai.a
	$(CC) -o $@ $(CLI_OBJ) $(BUILD)/libgongkai.a $(LDLIBS_ALL)

# The public C API (src/api/gongkai.h); it exports gongkai_* only.
SO_MAJOR := $(firstword $(subst ., ,$(GK_VERSION)))
$(BUILD)/libgongkai.so: $(LIB_OBJ) src/api/gongkai.map
	$(CC) -shared -Wl,-soname,libgongkai.so.$(SO_MAJOR) -Wl,--version-script=src/api/gongkai.map \
	  -o $@ $(LIB_OBJ) $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/%.c $(wildcard tests/*.h) $(BUILD)/libgongkai.a | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests -DGK_SOURCE_DIR='"$(CURDIR)"' -DGK_BUILD_DIR='"$(abspath $(BUILD))"' -o $@ $< $(BUILD)/libgongkai.a $(LDLIBS_ALL) $(TEST_LIBS)

# make check: every GTest program under prove (TAP), golden tests included.
# OMP_THREAD_LIMIT=1: gongkai sets it itself, the test programs do not; without
# it tesseract spins OpenMP threads (scanned golden samples: 70 s instead of 17 s).
check: $(BUILD)/gongkai $(BUILD)/libgongkai.so $(TESTS)
	OMP_THREAD_LIMIT=1 prove -f -e '' $(TESTS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer, in its own build dir.
check-asan: | $(DEPS_OK)
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build/asan OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=undefined' check

demo: $(BUILD)/gongkai
	scripts/demo $(BUILD)/gongkai samples output

eval: $(BUILD)/gongkai
	scripts/eval $(BUILD)/gongkai samples

# The text path: the samples' PDFs through pdftotext's default mode, and the
# outside corpus's text dumps where ../shared is there (SHARED=DIR elsewhere).
SHARED ?= ../shared
eval-text: $(BUILD)/gongkai
	scripts/eval --text=default $(BUILD)/gongkai samples | tail -n 8
	@if [ -x $(SHARED)/tools/score ]; then \
	  python3 $(SHARED)/tools/score $(SHARED)/corpus --kind txt --jobs 2 \
	    --cmd '$(BUILD)/gongkai extract --format json {file}' | tail -n 12; \
	else echo "eval-text: no $(SHARED)/tools/score, the corpus is not scored"; fi

# The outside corpus's PDFs through other text extractors (mutool,
# pdfminer's pdf2txt: scripts/install-deps --generator), scored as dumps.
eval-dumpers: $(BUILD)/gongkai
	scripts/eval-dumpers $(BUILD)/gongkai $(SHARED)

# The samples as other producers and crawlers keep them (other charsets,
# character references, JSON records, Markdown, PDFs rewritten or turned):
# the same truth, other bytes (scripts/variants).
eval-variants: $(BUILD)/gongkai
	rm -rf $(BUILD)/variants
	scripts/variants samples $(BUILD)/variants
	scripts/eval $(BUILD)/gongkai $(BUILD)/variants | tail -n 8

# FRESH random reports rendered anew by scripts/gen-samples --fresh (needs
# scripts/install-deps --generator; kept in build/fresh between runs): the PDF
# path, the same reports as web pages, and the text path in pdftotext's three
# modes, on layouts no rule was written against.  FRESH_PRODUCERS=weasyprint,wkhtmltopdf
# renders the same reports by two producers no sample was made with (into
# build/fresh-weasyprint-wkhtmltopdf).
FRESH ?= 40
FRESH_PRODUCERS ?= chromium,soffice
comma := ,
FRESH_DIR = $(BUILD)/fresh$(if $(filter chromium$(comma)soffice,$(FRESH_PRODUCERS)),,-$(subst $(comma),-,$(FRESH_PRODUCERS)))
eval-fresh: $(BUILD)/gongkai
	scripts/gen-samples --fresh $(FRESH) --producers $(FRESH_PRODUCERS) --out $(FRESH_DIR)
	scripts/eval $(BUILD)/gongkai $(FRESH_DIR) | tail -n 7
	scripts/eval $(BUILD)/gongkai $(FRESH_DIR)/html | tail -n 7
	for m in default layout raw; do scripts/eval --text=$$m $(BUILD)/gongkai $(FRESH_DIR) | tail -n 7; done

# The samples, then the outside corpus's born-digital PDFs where ../shared is there (SHARED=DIR elsewhere).
bench: $(BUILD)/gongkai
	scripts/bench $(BUILD)/gongkai samples
	@if [ -d $(SHARED)/corpus ]; then echo; echo "== corpus: $(SHARED)/corpus"; \
	  scripts/bench --no-scans --runs 3 $(BUILD)/gongkai $(SHARED)/corpus; fi

# CPU time of the text path per report (pdftotext dumps of the samples, the
# corpus's dumps, and build/fresh's when made), against pdftotext.
bench-text: $(BUILD)/gongkai
	scripts/bench-text $(if $(wildcard $(SHARED)/corpus),--corpus $(SHARED)/corpus) \
	  $(if $(wildcard $(FRESH_DIR)/*.pdf),--fresh $(FRESH_DIR)) $(BUILD)/gongkai samples

valgrind: $(BUILD)/gongkai
	scripts/valgrind-samples $(BUILD)/gongkai

fuzz: | $(DEPS_OK)
	scripts/fuzz

# make install [PREFIX=/usr/local] [DESTDIR=]: the program, the library with
# its header and pkg-config file, the models (found from bin/ or lib/ as
# ../share/gongkai/models, whatever PREFIX or DESTDIR), the record's schema,
# the man page and bash completion.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
DEST_SHARE  = $(DESTDIR)$(DATADIR)/gongkai
install: $(BUILD)/gongkai $(BUILD)/libgongkai.so
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/bash-completion/completions $(DEST_SHARE)/examples
	install -m 755 $(BUILD)/gongkai $(DESTDIR)$(BINDIR)/gongkai
	install -m 755 $(BUILD)/libgongkai.so $(DESTDIR)$(LIBDIR)/libgongkai.so.$(GK_VERSION)
	ln -sf libgongkai.so.$(GK_VERSION) $(DESTDIR)$(LIBDIR)/libgongkai.so.$(SO_MAJOR)
	ln -sf libgongkai.so.$(SO_MAJOR) $(DESTDIR)$(LIBDIR)/libgongkai.so
	install -m 644 src/api/gongkai.h $(DESTDIR)$(INCLUDEDIR)/gongkai.h
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|$(GK_VERSION)|' \
	  src/api/gongkai.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/gongkai.pc
	rm -rf $(DEST_SHARE)/models
	cp -R models $(DEST_SHARE)/models
	chmod -R u=rwX,go=rX $(DEST_SHARE)/models
	install -m 644 docs/record.schema.json $(DEST_SHARE)/record.schema.json
	install -m 644 examples/read-report.c examples/read_report.py $(DEST_SHARE)/examples/
	sed -e 's|@VERSION@|$(GK_VERSION)|' docs/gongkai.1 > $(DESTDIR)$(MANDIR)/man1/gongkai.1
	install -m 644 completions/gongkai.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/gongkai

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gongkai $(DESTDIR)$(LIBDIR)/libgongkai.so* $(DESTDIR)$(LIBDIR)/pkgconfig/gongkai.pc \
	  $(DESTDIR)$(INCLUDEDIR)/gongkai.h $(DESTDIR)$(MANDIR)/man1/gongkai.1 \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions/gongkai
	rm -rf $(DEST_SHARE)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
