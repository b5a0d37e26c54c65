"""Hash banks: hashes of known abusive images, never the images."""

from rempart.banks.store import (
    BankEntry,
    BankError,
    BankInfo,
    BankSnapshot,
    BankStore,
    SqliteBankBackend,
    UnknownBankError,
)

__all__ = [
    "BankEntry",
    "BankError",
    "BankInfo",
    "BankSnapshot",
    "BankStore",
    "SqliteBankBackend",
    "UnknownBankError",
]
