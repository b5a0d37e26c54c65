"""Offline evaluation of the gate on labelled prompt sets (`rempart eval prompts`)."""
