"""The caller of the current RPC, set by the authentication interceptor from the token's claims.

Until authentication is configured every call is the anonymous client of the `default` org
(the security issue replaces this default with a required, verified access token).
"""

from __future__ import annotations

import contextvars

from core.service.context import Caller

ANONYMOUS = Caller(client_id="anonymous", org_id="default")

caller_var: contextvars.ContextVar[Caller] = contextvars.ContextVar("caller", default=ANONYMOUS)


def current_caller() -> Caller:
    return caller_var.get()
