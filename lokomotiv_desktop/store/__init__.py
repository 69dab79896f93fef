"""The local database through sqlite-utils: connection, migrations, repositories, search
and change capture (every write stamps per-field clocks and appends to the outbox)."""
from .database import Store

__all__ = ["Store"]
