"""Reference provincial server for Cầu Nối kiosks (protocol v1, see docs/sync.md).

FastAPI + SQLAlchemy Core; a SQLite file by default, PostgreSQL by URL. From the rest of the repo
it imports only `sync.protocol` (which imports `kiosk.canonical`): never Qt, ui or cli.
"""
