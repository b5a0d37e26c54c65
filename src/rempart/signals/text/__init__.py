"""Text signals: prompt normalisation, multilingual intent terms, input checks."""

from rempart.signals.text.intent import TextIntentDetector, detect_text
from rempart.signals.text.normalize import Normalized, normalize
from rempart.signals.text.validate import check_prompt_text

__all__ = ["TextIntentDetector", "detect_text", "Normalized", "normalize", "check_prompt_text"]
