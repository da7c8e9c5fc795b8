#!/usr/bin/env bash
# System packages the tests need, from Debian: chromium (the browser tests drive it;
# Playwright never downloads a browser) and xmlsec1 (pysaml2 signs and verifies SAML
# messages with it in the strong-identification tests) and gettext (the translation test
# extracts every visible string afresh and checks it has Finnish and Swedish).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/xmlsec1 ] && [ -x /usr/bin/xgettext ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium, xmlsec1 and gettext for the tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium xmlsec1 gettext >/dev/null
  exit 0
fi
echo "The tests need Debian's chromium, xmlsec1 and gettext:" \
  "run 'sudo apt-get install chromium xmlsec1 gettext'." >&2
exit 1
