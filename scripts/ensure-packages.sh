#!/bin/sh
# Install the Debian packages a feature needs when they are missing (OCR, browser tests,
# the PostgreSQL test). Quiet and idempotent; without apt-get or root it only says what is
# missing, and the tests that need the package then fail in CI and skip elsewhere.
missing=""
for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
        || echo "warning: could not install$missing"
else
    echo "warning: missing system packages:$missing (install them with apt-get as root)"
fi
exit 0
