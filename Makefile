# Kami — see README.md. The two commands that matter: `make run` and `make test`.
GO      ?= go
GF      := $(GO) tool -modfile=hack/tools/go.mod gf
BIN     := bin/kami
PKGS    := ./...

RUNS ?= 10

.PHONY: run build test test-embedded test-real test-cluster race-boot bench gen gen-dao gen-service gen-ctrl check-gen vet fmt migrate

run: build
	./$(BIN)

# The release version and commit are stamped into the binary (kami version, GET /api/system/version);
# VERSION=1.2.0 make build for a release, the default otherwise.
VERSION ?= 0.11.0
COMMIT  ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)
LDFLAGS := -X kami/internal/version.Version=$(VERSION) -X kami/internal/version.Commit=$(COMMIT)

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

migrate: build
	./$(BIN) migrate

# The suite runs on the embedded default; when KAMI_TEST_MYSQL and KAMI_TEST_REDIS are set it
# runs again, unchanged, against real MySQL/MariaDB and Redis.
test: test-embedded
	@if [ -n "$$KAMI_TEST_MYSQL" ] && [ -n "$$KAMI_TEST_REDIS" ]; then $(MAKE) --no-print-directory test-real; \
	else echo "KAMI_TEST_MYSQL/KAMI_TEST_REDIS not set: skipped the real-service run"; fi
	@if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then $(MAKE) --no-print-directory test-cluster; \
	else echo "redis-server not installed: skipped the Redis Cluster run"; fi

# The race detector runs on this pass; the real-service pass keeps its speed. The process zone
# is neither UTC nor the display zone here, so a time stored or scheduled in the process zone shows.
test-embedded:
	@echo "== suite on the embedded default (SQLite + embedded Redis-compatible store)"
	TZ=America/New_York KAMI_TEST_BACKEND=embedded $(GO) test -race -count=1 -timeout 20m $(PKGS)

test-real:
	@echo "== suite on MySQL/MariaDB ($$KAMI_TEST_MYSQL) and Redis ($$KAMI_TEST_REDIS)"
	KAMI_TEST_BACKEND=real $(GO) test -count=1 -timeout 20m $(PKGS)

# Every test binary with a TestMain, race-built and run RUNS times in a row: boot-time races hide
# from `-count`, which does not rerun TestMain.
race-boot:
	bash hack/raceboot.sh $(RUNS)

# Benchmarks (conventions.md): on the embedded default and, when KAMI_TEST_MYSQL and
# KAMI_TEST_REDIS are set, on MySQL + Redis; BENCH=<Module> runs one module's (Benchmark<Module>...).
# Figures are ratios against a baseline measured in the same run; never part of make test.
BENCH ?= .
# The server packages once more with the embedded database and a throwaway 3-node Redis Cluster
# on loopback, where a command or script touching two hash slots fails.
test-cluster:
	@echo "== server packages on a 3-node Redis Cluster"
	KAMI_TEST_BACKEND=cluster $(GO) test -count=1 -timeout 20m ./internal/logic/... ./internal/cmd/

bench:
	@echo "== benchmarks on the embedded default"
	KAMI_TEST_BACKEND=embedded $(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count=1 -timeout 60m $(PKGS)
	@if [ -n "$$KAMI_TEST_MYSQL" ] && [ -n "$$KAMI_TEST_REDIS" ]; then \
		echo "== benchmarks on MySQL/MariaDB and Redis"; \
		KAMI_TEST_BACKEND=real $(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count=1 -timeout 60m $(PKGS); \
	else echo "KAMI_TEST_MYSQL/KAMI_TEST_REDIS not set: skipped the real-service benchmarks"; fi

# Regenerates dao/do/entity from the migrations (through a throwaway SQLite file), then the
# service interfaces from internal/logic and the controllers from api/.
gen: gen-dao gen-service gen-ctrl

gen-dao:
	@mkdir -p hack/.gen
	$(GO) run ./hack/gendb hack/.gen/schema.db
	$(GF) gen dao
	@rm -f hack/.gen/schema.db

gen-service:
	$(GF) gen service

gen-ctrl:
	$(GF) gen ctrl

# Fails when the generated code in the tree differs from what `make gen` produces.
GENERATED := internal/dao internal/model internal/service internal/controller internal/logic/logic.go $(wildcard api/*/*.go)

check-gen: gen
	@changed=$$(git status --porcelain -- $(GENERATED)); if [ -n "$$changed" ]; then \
		echo "generated code is stale: run 'make gen' and commit:"; echo "$$changed"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

fmt:
	gofmt -w $$(git ls-files '*.go')

# The admin panel (resource/panel): `make panel` rebuilds the committed, embedded build from the
# lockfile; `make check-panel` fails when the committed build differs from a fresh one (the build
# is reproducible: content-hashed names, no timestamps). `make panel-e2e` runs the browser tests
# against the real binary (Debian's chromium; playwright-core downloads no browser).
PANEL := resource/panel

.PHONY: panel check-panel panel-e2e
panel:
	cd $(PANEL) && npm ci --no-audit --no-fund && npm run build

check-panel: panel
	@changed=$$(git status --porcelain -- $(PANEL)/dist); if [ -n "$$changed" ]; then \
		echo "the committed panel build is stale: run 'make panel' and commit:"; echo "$$changed"; exit 1; fi

panel-e2e: build
	$(GO) build -o bin/fakealipay ./hack/fakealipay
	cd $(PANEL) && KAMI_BIN=$(CURDIR)/$(BIN) FAKE_ALIPAY_BIN=$(CURDIR)/bin/fakealipay PANEL_E2E_OUT=$${PANEL_E2E_OUT:-test-results} node --test --test-concurrency=1 e2e/

# DERP: decode the acl golden files into tailscale.com's real tailcfg types (hack/derpcheck is its
# own module with a pinned tailscale.com, so Kami's module graph never carries it; derp.md §1).
.PHONY: check-derpmap
check-derpmap:
	cd hack/derpcheck && $(GO) run . -dir ../../internal/logic/derp/acl/testdata
