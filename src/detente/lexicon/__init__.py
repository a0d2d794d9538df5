"""The lexicons: YAML files a user can read and extend (README.md here), and the one reader for them
and for every other YAML table of detente."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Union

import yaml

DIR = Path(__file__).resolve().parent
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BASE):  # type: ignore[misc,valid-type]
    """libyaml's reader when the wheel has it (it does on PyPI: the same data, about eight times
    faster), with YAML 1.2 booleans: only true/false. Under YAML 1.1 the words on, off, yes, no are
    booleans, and a word list is full of them ("call off", "call on" read as False and True)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in rules if tag != _BOOL] for first, rules in _BASE.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_LOADER = _Loader


def load_yaml(path: Union[str, Path]) -> Any:
    """The content of a YAML file (None when it is empty)."""
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)
