"""Image hashing and hash-bank matching. The detector lives in `.detector` (it imports the
bank store, which imports `.compute`: keep this module light to avoid an import cycle)."""

from rempart.signals.hashes.compute import PDQ_MIN_QUALITY, hamming_hex, pdq_hash, sha256_hex

__all__ = ["PDQ_MIN_QUALITY", "hamming_hex", "pdq_hash", "sha256_hex"]
