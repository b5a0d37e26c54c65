"""Errors with stable codes. The codes are part of the public contract (CLI, HTTP, audit)."""

from __future__ import annotations


class RempartError(Exception):
    """Base error. `code` is stable and machine-readable; the message is for people."""

    code = "INTERNAL_ERROR"
    http_status = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class InputError(RempartError):
    """The request itself cannot be screened: bad image, bad text. Always fails closed."""

    code = "INPUT_INVALID"
    http_status = 422


class PolicyError(RempartError):
    """A policy file is invalid. Raised at start-up, never at decision time."""

    code = "POLICY_INVALID"
    http_status = 500


class DetectorError(RempartError):
    """A detector failed or timed out. The policy turns this into a block."""

    code = "DETECTOR_FAILED"
    http_status = 500


class StorageError(RempartError):
    code = "STORAGE_ERROR"
    http_status = 500


class AuditIntegrityError(RempartError):
    """The audit log failed verification."""

    code = "AUDIT_TAMPERED"
    http_status = 500
