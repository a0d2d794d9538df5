"""Running the `detente` command in-process, as the CLI tests do."""
from __future__ import annotations

from detente.cli import main


def run(capsys, *argv) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `detente ARGV`."""
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err
