#!/usr/bin/env bash
# Checks (and, as root, installs) the Debian packages Cầu Nối needs to run and test:
# the shared libraries of PySide6's wheels (xcb + offscreen platform plugins, QtMultimedia and
# its bundled FFmpeg backend), poppler-utils for receipt tests, binutils for PyInstaller and
# espeak-ng for the display board's Vietnamese voice (docs/speech.md), hunspell-vi, whose
# syllable list tests the on-screen keyboard's Telex (tests/test_telex.py), gnome-keyring for the
# keyring end-to-end test and PostgreSQL for the reference server's second database.
# Quiet when everything is present. Not Debian (no dpkg-query): prints a note and succeeds.
#
# Found with `ldd` on PySide6/Qt/plugins/{platforms,multimedia}/*.so and Qt/lib/libQt6*.so.6:
# the wheels bundle FFmpeg itself (libav*.so) but link libpulse.so.0 from libQt6Multimedia, so
# importing QtMultimedia fails without libpulse0. The FFmpeg backend also dlopens libva
# (VA-API decoding) and libpipewire at start-up and logs a Qt *warning* for each one missing
# ("qt.multimedia.symbolsresolver: Couldn't load va library"), which fails tests run with
# qt_log_level_fail = WARNING; with the libraries present it logs nothing.
set -euo pipefail

PYTHON="${PYTHON:-python3}"

# One entry per need; "a|b" means either package satisfies it (renamed packages across
# releases, e.g. the 64-bit time_t transition of Debian 13 / Ubuntu 24.04).
REQUIRED=(
    # Qt GUI, xcb and offscreen platform plugins
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
    libxcb-randr0 libxcb-render-util0 libxcb-image0
    libfontconfig1 fonts-dejavu-core libdbus-1-3 "libglib2.0-0t64|libglib2.0-0"
    # QtMultimedia (camera) and its FFmpeg plugin
    libpulse0 libva2 libva-drm2 libva-x11-2 "libpipewire-0.3-0t64|libpipewire-0.3-0"
    # receipt tests: pdftoppm / pdftotext
    poppler-utils
    # PyInstaller needs objdump
    binutils
    # the display board's voice when Qt's text-to-speech has no Vietnamese one; its tests
    espeak-ng
    # tests only: an independent Vietnamese syllable list for the Telex round trip
    hunspell-vi
    # sync credentials end to end through a real Secret Service (tests/test_sync_keyring_e2e.py):
    # gnome-keyring on a private session bus started by dbus-run-session
    gnome-keyring "dbus-daemon|dbus"
)
# The reference server's PostgreSQL test needs initdb/pg_ctl; any install on PATH will do.
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    REQUIRED+=(postgresql)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup_system: not a Debian system (no dpkg-query); install Qt's runtime libraries," \
         "poppler-utils, binutils, espeak-ng and hunspell-vi with your package manager." >&2
    exit 0
fi

is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Picks the first alternative apt knows a candidate for (needs apt lists; falls back to the last).
pick_candidate() {
    local alt
    local -a alts
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        if apt-cache policy "$alt" 2>/dev/null | grep -q 'Candidate: [^(]'; then
            echo "$alt"
            return
        fi
    done
    echo "${alts[-1]}"
}

missing=()
for need in "${REQUIRED[@]}"; do
    satisfied=0
    IFS='|' read -r -a alts <<<"$need"
    for alt in "${alts[@]}"; do
        if is_installed "$alt"; then satisfied=1; break; fi
    done
    ((satisfied)) || missing+=("$need")
done

# Debian's python3 may lack ensurepip/venv (python3-venv); pyenv or python.org builds have it.
if ! "$PYTHON" -m venv --help >/dev/null 2>&1; then
    missing+=(python3-venv)
fi

((${#missing[@]})) || exit 0

if [[ "$(id -u)" -eq 0 ]]; then
    echo "setup_system: installing missing packages: ${missing[*]}" >&2
    apt-get update -qq
    pkgs=()
    for need in "${missing[@]}"; do pkgs+=("$(pick_candidate "$need")"); done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
else
    pkgs=()
    for need in "${missing[@]}"; do pkgs+=("$(pick_candidate "$need")"); done
    echo "setup_system: missing Debian packages; install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${pkgs[*]}" >&2
    exit 1
fi
