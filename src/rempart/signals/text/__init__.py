"""Text signals: prompt normalisation, multilingual intent rules, the intent model, input checks."""

from rempart.signals.text.hybrid import TextIntentDetector
from rempart.signals.text.intent import RuleIntentDetector, detect_text
from rempart.signals.text.normalize import Normalized, normalize
from rempart.signals.text.validate import check_prompt_text

__all__ = ["TextIntentDetector", "RuleIntentDetector", "detect_text", "Normalized", "normalize",
           "check_prompt_text"]
