#!/bin/sh
# An --exec hook: the alert arrives as one JSON object on stdin. This one appends its summary to a
# file; swap the last line for `mail -s "$DETENTE_ALERT_RULE" you@example.org` or a chat webhook.
jq -r '.summary + "  (" + (.n_events|tostring) + " events)"' >> alerts.txt
