"""Records: the vault's domain operations over the database, one module per kind of record.

Organisations and accounts, documents and their legal fields, evidence links, periods and
self-assessment claims, the shared library, the audit trail (`events` writes it,
`history` reads it) and the JDIHN feed. Each function takes the SQLModel `Session` it
works in; the caller owns the transaction. Nothing here imports Flask or a pipeline stage.
"""
