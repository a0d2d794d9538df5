"""The lexicons: YAML files a user can read and extend (README.md here), and the one reader for them
and for every other YAML table of detente."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import yaml

DIR = Path(__file__).resolve().parent
# libyaml's reader when the wheel has it (it does on PyPI): the same data, about eight times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Union[str, Path]) -> Any:
    """The content of a YAML file (None when it is empty)."""
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)
