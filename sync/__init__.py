"""Talks to the provincial server: outbox batches, media, the changes feed. No Qt (DESIGN.md)."""
