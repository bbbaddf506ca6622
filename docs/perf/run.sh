#!/bin/sh
# Produces docs/PERFORMANCE.md: builds selaras, generates corpora of drafts
# and posters in a temporary folder, measures check and audit (and Vale on
# the same drafts when it is installed), runs the Go benchmarks behind the
# issues' budgets and writes the report. Slow (about 15 minutes on two busy
# cores) and CPU-hungry: not for CI. See docs/PERFORMANCE.md, "How to run it".
#
#   docs/perf/run.sh                       # everything
#   SIZES=1000,10000 docs/perf/run.sh      # smaller text corpora
#   INSTALL_VALE=1 docs/perf/run.sh        # go install Vale first (cgo, ~3 min)
#   docs/perf/run.sh -gobench=false        # extra flags go to docs/perf/gen
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

work=$(mktemp -d "${TMPDIR:-/tmp}/selaras-perf.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "perf: building selaras and the generator in $work" >&2
go build -o "$work/bin/selaras" ./cmd/selaras
go build -o "$work/bin/gen" ./docs/perf/gen

gobin=$(go env GOBIN)
[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
vale=${VALE:-}
if [ -z "$vale" ] && [ "${INSTALL_VALE:-0}" = 1 ] && ! command -v vale >/dev/null 2>&1 && [ ! -x "$gobin/vale" ]; then
	echo "perf: installing Vale v3.20.0 (cgo, about 3 minutes)" >&2
	CGO_ENABLED=1 go install github.com/vale-cli/vale/v3/cmd/vale@v3.20.0 ||
		echo "perf: Vale could not be installed; the side-by-side is skipped" >&2
fi
if [ -z "$vale" ]; then
	if command -v vale >/dev/null 2>&1; then
		vale=$(command -v vale)
	elif [ -x "$gobin/vale" ]; then
		vale="$gobin/vale"
	fi
fi
if [ -n "$vale" ] && ! "$vale" --version >/dev/null 2>&1; then
	echo "perf: $vale does not run; the side-by-side is skipped" >&2
	vale=
fi
[ -n "$vale" ] || echo "perf: Vale not found; the side-by-side is skipped" >&2

"$work/bin/gen" \
	-selaras "$work/bin/selaras" \
	-vale "$vale" \
	-work "$work/corpora" \
	-repo "$repo" \
	-out "$repo/docs/PERFORMANCE.md" \
	-sizes "${SIZES:-1000,10000,100000}" \
	-images "${IMAGES:-100,1000}" \
	-repeat "${REPEAT:-3}" \
	"$@"
echo "perf: wrote docs/PERFORMANCE.md" >&2
