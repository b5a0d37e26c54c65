"""Hash banks: hashes of known abusive images, never the images.

`store` (BankStore: SQLite or PostgreSQL, change log), `matcher` (BankMatcher: in-memory
index kept current by deltas), `index` (PDQIndex), `sweep` (retroactive takedown lists),
`formats` (hash exchange files).
"""

from rempart.banks.store import (
    KINDS,
    SIGNAL_TYPES,
    SOURCES,
    BankEntry,
    BankError,
    BankInfo,
    BankSnapshot,
    BankStore,
    HashRow,
    SqliteBankBackend,
    UnknownBankError,
)

__all__ = [
    "KINDS",
    "SIGNAL_TYPES",
    "SOURCES",
    "BankEntry",
    "BankError",
    "BankInfo",
    "BankSnapshot",
    "BankStore",
    "HashRow",
    "SqliteBankBackend",
    "UnknownBankError",
]
