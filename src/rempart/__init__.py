"""Rempart: a consent and child-safety gate for AI image generation and editing."""
__version__ = "0.1.0"
