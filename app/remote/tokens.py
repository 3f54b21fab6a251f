"""The two tokens (view, control): made by ``secrets``, compared in constant time."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

Role = Literal["view", "control"]
TOKEN_BYTES = 24  # 192 bits, 32 URL-safe characters


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True, slots=True)
class Tokens:
    view: str
    control: str

    def __repr__(self) -> str:  # never in a log or a traceback
        return "Tokens(view=***, control=***)"

    __str__ = __repr__

    @classmethod
    def generate(cls) -> Tokens:
        return cls(new_token(), new_token())

    def role_of(self, token: str | None) -> Role | None:
        """The role ``token`` grants, None for a wrong one. Both are compared, each in
        constant time, so the answer's timing says nothing about either token."""
        if not token:
            return None
        given = token.encode("utf-8", "replace")
        is_control = hmac.compare_digest(given, self.control.encode())
        is_view = hmac.compare_digest(given, self.view.encode())
        if is_control:
            return "control"
        return "view" if is_view else None
