"""lokomotiv-server: the shared store the laptops sync with (docs/sync-protocol.md).

Layers: `app` (HTTP) -> `push`/`pull`/`erase`/`accounts` (the rules, backend-neutral SQL in
`storage`) -> `backend` (SQLite or PostgreSQL; they differ only in connection, locking and DDL
dialect). Never imports the local store."""
