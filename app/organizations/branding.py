"""Each organization's colours and logo, as design-token overrides of the NL Design System
(Utrecht) theme. Tokens are CSS custom properties; values are checked so an admin's input
can never break out of the declaration."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

TOKEN_NAME = re.compile(r"^--(utrecht|dialoog)-[a-z0-9-]{1,80}$")
TOKEN_VALUE = re.compile(
    r"^(#[0-9a-fA-F]{3,8}"
    r"|(rgb|rgba|hsl|hsla)\([0-9., %]{1,40}\)"
    r"|[0-9.]{1,8}(px|rem|em|%)?"
    r"|[A-Za-z][A-Za-z0-9 ,'\"-]{0,100})$"
)


class InvalidToken(ValueError):
    pass


def validate_tokens(tokens: Mapping[str, Any]) -> dict[str, str]:
    clean: dict[str, str] = {}
    for name, value in tokens.items():
        text = str(value).strip()
        if not TOKEN_NAME.match(name):
            raise InvalidToken(f"not a design token name: {name!r}")
        if not TOKEN_VALUE.match(text):
            raise InvalidToken(f"not a safe value for {name}: {text!r}")
        clean[name] = text
    return clean


def theme_css(tokens: Mapping[str, Any]) -> str:
    declarations = "".join(
        f"  {name}: {value};\n" for name, value in sorted(validate_tokens(tokens).items())
    )
    return f".utrecht-theme {{\n{declarations}}}\n"


def theme_version(tokens: Mapping[str, Any]) -> str:
    # Asked on every page render: cache by the tokens themselves.
    return _theme_version(tuple(sorted((k, str(v)) for k, v in tokens.items())))


@lru_cache(maxsize=256)
def _theme_version(items: tuple[tuple[str, str], ...]) -> str:
    return hashlib.sha256(theme_css(dict(items)).encode()).hexdigest()[:12]
