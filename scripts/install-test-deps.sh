#!/usr/bin/env bash
# Installs what the tests (not the app) need from Debian when it is missing:
# a TrueType CJK font (PDF/screenshots), poppler-utils (pdftotext/pdftoppm) and its CMaps, Xvfb,
# desktop-file-utils and appstream (validators of the .desktop file and the AppStream metainfo),
# the shared libraries the PySide6 wheels load even on the offscreen platform, and PostgreSQL.
set -euo pipefail
need=()
fc-list :lang=zh 2>/dev/null | grep -qi 'wqy' || need+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null || need+=(poppler-utils)
# poppler reads PDFs that use reportlab's non-embedded Chinese CID font only with its CMaps
[ -d /usr/share/poppler/cMap/Adobe-GB1 ] || need+=(poppler-data)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v fc-list >/dev/null || need+=(fontconfig)
# the desktop integration's checks (tests/test_desktop.py)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
# xcb libraries: for running the real window under Xvfb (screenshots), not needed offscreen.
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libxcb-cursor.so.0 \
           libxcb-icccm.so.4 libxcb-image.so.0 libxcb-keysyms.so.1 libxcb-render-util.so.0 libxkbcommon-x11.so.0; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || case $lib in
    libEGL.so.1) need+=(libegl1) ;;
    libGL.so.1) need+=(libgl1) ;;
    libxkbcommon.so.0) need+=(libxkbcommon0 libxkbcommon-x11-0) ;;
    libfontconfig.so.1) need+=(libfontconfig1) ;;
    libdbus-1.so.3) need+=(libdbus-1-3) ;;
    libxcb-cursor.so.0) need+=(libxcb-cursor0) ;;
    libxcb-icccm.so.4) need+=(libxcb-icccm4 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1) ;;
    libxcb-image.so.0) need+=(libxcb-image0) ;;
    libxcb-keysyms.so.1) need+=(libxcb-keysyms1) ;;
    libxcb-render-util.so.0) need+=(libxcb-render-util0) ;;
    libxkbcommon-x11.so.0) need+=(libxkbcommon-x11-0) ;;
  esac
done
# PostgreSQL for the team-database tests (a throwaway cluster per test session); when it truly
# cannot be installed on a developer's machine those tests skip, the rest still run; CI needs them
if ! bash "$(dirname "$0")/pg-test-cluster.sh" install; then
  [ "${CI:-}" = true ] && { echo "PostgreSQL could not be installed: CI runs the team-database tests" >&2; exit 1; }
  echo "warning: PostgreSQL could not be installed; its tests will skip" >&2
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages for the tests: ${need[*]} (run as root: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "installing Debian packages for the tests: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
