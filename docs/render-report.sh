#!/bin/sh
# Renders an HTML report to a PNG screenshot with headless Chromium, to check how it looks (layout, chart,
# escaping) without a desktop. Not part of the test suite: Chromium is not needed to build, test or run PII Scanner.
#
#   docs/render-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: OUT.png next to the report (report.png), window 1280x2000. Needs `chromium` (Debian: apt-get install
# chromium) or `chromium-browser` / `google-chrome` on the PATH, or CHROMIUM=/path/to/binary.
#
# The report loads nothing from the network (its Content-Security-Policy forbids it); the flags below also keep
# Chromium itself from calling home, and a throw-away profile directory keeps the run clean.
#
# The screenshot in docs/report-screenshot.png was made from the synthetic store of the report tests (ReportDemo
# writes the report of its run 2 into scanner/target/report-demo), from the repository root:
#   mvn -B -q -pl scanner -am test -Dtest=ReportDemo -Dsurefire.failIfNoSpecifiedTests=false
#   docs/render-report.sh scanner/target/report-demo/report.html docs/report-screenshot.png
set -eu

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-$(dirname "$report")/report.png}
size=${3:-1280x2000}
width=${size%x*}
height=${size#*x}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then
            browser=$candidate
            break
        fi
    done
fi
if [ -z "$browser" ]; then
    echo "$0: no chromium found (Debian: apt-get install chromium; or set CHROMIUM)" >&2
    exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
case "$out" in
    /*) ;;
    *) out=$(pwd)/$out ;;
esac

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out" --window-size="$width,$height" "file://$report" 2>/dev/null
echo "$out"
