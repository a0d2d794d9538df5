"""Where an alert goes besides the store: stdout, a JSON Lines log, and a user's command (`--exec`).

A sink that fails (a full disk, a hook that exits non-zero) is reported in one line and the watch goes
on: an alert lost to one sink is still in the others and in the store.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Callable, Optional, TextIO

EXEC_TIMEOUT = 60  # seconds a hook may take per alert before it is stopped


class Sinks:
    def __init__(self, log_path: Optional[str] = None, exec_cmd: Optional[str] = None, fmt: str = "text",
                 out: TextIO = sys.stdout, report: Callable[[str], None] = print):
        self.log_path, self.exec_cmd, self.fmt, self.out, self.report = log_path, exec_cmd, fmt, out, report

    def emit(self, alert: dict) -> None:
        line = json.dumps(alert, ensure_ascii=False)
        self.out.write(line + "\n" if self.fmt == "jsonl" else render(alert))
        self.out.flush()
        if self.log_path:
            try:
                with open(self.log_path, "a", encoding="utf-8") as f:
                    f.write(line + "\n")
            except OSError as e:
                self.report(f"{self.log_path}: alert not logged ({(e.strerror or str(e)).lower()})")
        if self.exec_cmd:
            self._run(line, alert)

    def _run(self, line: str, alert: dict) -> None:
        env = {**os.environ, "DETENTE_ALERT_RULE": alert["rule"], "DETENTE_ALERT_ID": alert["id"]}
        try:
            done = subprocess.run(self.exec_cmd, shell=True, input=line + "\n", text=True, env=env,
                                  timeout=EXEC_TIMEOUT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except subprocess.TimeoutExpired:
            self.report(f"--exec: still running after {EXEC_TIMEOUT} s on alert {alert['id']}; stopped")
            return
        except OSError as e:
            self.report(f"--exec: cannot run ({e})")
            return
        if done.returncode:
            why = " ".join((done.stderr or "").split())[:160]
            self.report(f"--exec: exited {done.returncode} on alert {alert['id']}" + (f": {why}" if why else ""))


def render(alert: dict) -> str:
    """An alert for a person: its summary, then each event with its evidence sentence."""
    lines = [f"ALERT {alert['fired']} {alert['summary']}"]
    for e in alert["events"]:
        def side(s: str, e: dict = e) -> str:
            return e.get(f"{s}_code") or e.get(f"{s}_country") or e.get(f"{s}_text") or "?"

        lines.append(f"  {e.get('date') or '????-??-??'} {side('source')} {e.get('cameo')} {e.get('plover') or ''} "
                     f"{side('target')}: {' '.join((e.get('evidence') or '').split())[:200]}")
        if e.get("url"):
            lines.append(f"    {e['url']}")
    if alert["n_events"] > len(alert["events"]):
        lines.append(f"  ... and {alert['n_events'] - len(alert['events'])} more events")
    for m in alert["details"].get("mentions", [])[:5] if not alert["events"] else []:
        lines.append(f"  {m['article_id']}: {' '.join(m['sentence'].split())[:200]}")
    return "\n".join(lines) + "\n"
