"""The browser the dashboard tests drive: Debian's chromium (scripts/test installs it)."""
CHROMIUM = "/usr/bin/chromium"
