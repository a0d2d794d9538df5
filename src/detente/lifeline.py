"""A child process that ends soon after its parent dies (kill -9, SIGTERM, a crash).

Worker and helper processes otherwise outlive it: blocked writing a result to the dead parent's pipe,
or waiting for work, each holds its few hundred MB for minutes. Imports nothing of ours.
"""
from __future__ import annotations

import os
import threading

PARENT_CHECK_SECONDS = 1.0  # how often a child looks whether the process that started it still lives


def exit_with_parent(parent: int) -> None:
    """End this process once `parent` is gone. An orphan is re-parented, so a changed parent id is the
    sign; a daemon thread checks it (prctl's parent-death signal would follow the parent *thread*, and
    a pool starts replacement workers from a thread that may end)."""

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="detente-parent-watch", daemon=True).start()
