#!/usr/bin/env bash
# Smoke test of the built desktop bundle (make bundle): run from a folder outside the checkout,
# on a data folder with Chinese, a space and '#' in its name:
#   rmdesk version; rmdesk demo; rmdesk plan print (every font in `pdffonts` embedded);
#   rmdesk-gui started offscreen up to the main window and quit the normal way (its lock is
#   released: the next writing command gets it), nothing logged as an error.
set -euo pipefail
bundle=$(cd "${1:-dist/rmdesk}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
data="$work/数据 #1"
export QT_QPA_PLATFORM=offscreen
unset PYTHONPATH RMDESK_DATA_DIR RMDESK_PDF_FONT RMDESK_RESOURCES
fail() { echo "bundle smoke test: $*" >&2; exit 1; }

font=$(find "$bundle" -path '*rmdesk/resources/fonts/*' -name '*.tt[cf]' | head -n 1)
[ -n "$font" ] || fail "no bundled font"
ls "$(dirname "$font")"/LICENSE-* >/dev/null || fail "no licence beside the bundled font"

"$bundle/rmdesk" version | grep -q '^rmdesk 0\.' || fail "version"
"$bundle/rmdesk" --data-dir "$data" demo --clients 20 | grep -q 'clients 20' || fail "demo"
"$bundle/rmdesk" --data-dir "$data" plan print --date "$(date +%F)" --days 14 -o "$work/plans.pdf" >/dev/null
fonts=$(pdffonts "$work/plans.pdf" | tail -n +3)
[ -n "$fonts" ] || fail "no font in the PDF"
echo "$fonts" | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' || fail "a font is not embedded: $fonts"
out=$(RMDESK_SMOKE_TEST=1 timeout 120 "$bundle/rmdesk-gui" --data-dir "$data" --lang zh_CN)
echo "$out" | grep -q 'main window shown' || fail "the GUI did not reach its main window: $out"
! grep -E ' (ERROR|CRITICAL) ' "$data/rmdesk.log" || fail "errors in rmdesk.log"
"$bundle/rmdesk" --data-dir "$data" demo --clients 3 --force | grep -q 'clients 3' || fail "the GUI left its lock behind"
echo "bundle smoke test: version, demo, plan print (fonts embedded: $(echo "$fonts" | awk '{print $1}' | paste -sd, -)), GUI start and quit: ok"
