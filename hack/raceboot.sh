#!/usr/bin/env bash
# Boot races show up once in many runs and only at process start, which `go test -count=N` does
# not repeat (TestMain, where the server boots, runs once per process). This builds every test
# binary that has a TestMain with the race detector and runs each one RUNS times in a row, on the
# embedded default (and on MySQL + Redis when KAMI_TEST_MYSQL and KAMI_TEST_REDIS are set).
# Usage: hack/raceboot.sh [RUNS]   (make race-boot RUNS=10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pkgs=$(grep -l 'func TestMain' $(git ls-files '*_test.go') | xargs -n1 dirname | sort -u)
backends=embedded
if [ -n "${KAMI_TEST_MYSQL:-}" ] && [ -n "${KAMI_TEST_REDIS:-}" ]; then backends="embedded real"; fi
start=$(date +%s)
for p in $pkgs; do
	go test -race -c -o "$out/$(echo "$p" | tr / _).test" "./$p"
done
built=$(date +%s)
echo "== built $(echo "$pkgs" | wc -w) race binaries in $((built - start)) s"
for backend in $backends; do
	for p in $pkgs; do
		bin="$out/$(echo "$p" | tr / _).test"
		for i in $(seq 1 "$runs"); do
			if ! (cd "$p" && KAMI_TEST_BACKEND=$backend "$bin" -test.count=1 >"$out/last.log" 2>&1); then
				echo "FAIL: $p on $backend, run $i of $runs:"
				tail -60 "$out/last.log"
				exit 1
			fi
		done
		echo "ok   $p on $backend: $runs runs"
	done
done
echo "== $runs runs of every boot-time test binary passed in $(($(date +%s) - built)) s (after building)"
