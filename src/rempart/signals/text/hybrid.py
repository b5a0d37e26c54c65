"""The text-intent detector: rules and a statistical model, combined per intent.

- The rules (intent.py, v1) find explicit terms and give evidence spans into the original
  prompt.
- The model (model.py) gives a graded probability per intent from hashed character
  n-grams; it catches implicit intent ("boudoir", "covered only by a sheet"), misspellings
  and sub-word mixes that no list enumerates, and it scores the benign look-alikes low.
- The context rules (context.py) say who the request is about (a real person, an invented
  one) and whether it tries to switch the gate off.
- The suggestive cues (suggestive.py) score implicit sexualisation: painters known for
  nudes, glamour words, body focus and intimate settings, none decisive alone.

Each intent kind gets one signal whose score is the larger of the two halves, except that an
undress, nudity or sexual score of the model alone is set aside when the rules read its words as
a look-alike ("remove the stain from what she is wearing", "nude lipstick", "a sexy sports car"); `detail`
keeps both (`rule`, `model`) so a reviewer or a policy can see which half fired. A model-only
signal points at the words that drove its score. The detector never decides.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from rempart.signals import kinds as K
from rempart.signals.base import Signal, TextSpan
from rempart.signals.text import lexicon as L
from rempart.signals.text.context import ContextHit, ContextRules
from rempart.signals.text.features import prepare
from rempart.signals.text.intent import MERCHANDISE_KINDS, PET_KINDS, RuleIntentDetector, Unglued
from rempart.signals.text.model import ModelUnavailable, TextIntentModel, default_model
from rempart.signals.text.names import NamedPersonDetector
from rempart.signals.text.normalize import Normalized, normalize
from rempart.signals.text.phrases import Words
from rempart.signals.text.suggestive import (CUES as SUGGESTIVE_CUES, SUGGESTIVE_EMIT, SUGGESTIVE_WEAK, Cue,
                                             SuggestiveCues, SuggestiveResult)

_MODES = frozenset({"generate", "edit"})
# Model label -> signal kind.
LABEL_KINDS = {
    "undress": K.TEXT_UNDRESS, "swimwear": K.TEXT_SWIMWEAR, "underwear": K.TEXT_UNDERWEAR,
    "nudity": K.TEXT_NUDITY, "sexual": K.TEXT_SEXUAL, "minor": K.TEXT_MINOR, "injection": K.TEXT_INJECTION,
}
KIND_LABELS = {kind: label for label, kind in LABEL_KINDS.items()}
KIND_ORDER = (K.TEXT_UNDRESS, K.TEXT_SWIMWEAR, K.TEXT_UNDERWEAR, K.TEXT_NUDITY, K.TEXT_SEXUAL, K.TEXT_SUGGESTIVE,
              K.TEXT_MINOR, K.TEXT_REAL_PERSON, K.TEXT_INJECTION, K.TEXT_REAL_TARGET, K.TEXT_FICTIONAL_TARGET)
MODEL_EMIT = 0.5  # a model-only intent is reported from this probability on
# Gallery tags ("masterpiece, detailed skin, by ...") lift the model's nudity and sexual scores a
# little on ordinary text-to-image prompts: there a model-only score counts from here on (on the
# own sets, 17 of the 19 generate rows with a model-only score in [0.5, 0.6) were ordinary).
MODEL_EMIT_GALLERY = 0.6
GALLERY_DRIFT_KINDS = frozenset({K.TEXT_NUDITY, K.TEXT_SEXUAL})
# The model's labels for what a pet or a soft toy may be put in or taken out of (a costume)
PET_LABELS = tuple(label for label, kind in LABEL_KINDS.items() if kind in PET_KINDS)
# A named real person weighs as much as the heaviest person word ("woman"): "<actress>, on bed".
NAMED_PERSON_CUE = max(SUGGESTIVE_CUES["person"])
# What a garment put on over a person does not do, whatever the model alone says
COVER_CLEARS = (K.TEXT_UNDRESS, K.TEXT_UNDERWEAR)
MINOR_COUNTS = 0.5  # a minor signal from this score on makes one glamour word enough (the policy's threshold)
_USE_DEFAULT = object()
STEP_MIN_CHARS = 16  # a shorter edit is one step
STEP_MIN_WORDS = 2
STEP_MIN_CHARS_UNSPACED = 4  # a step of a script written without spaces ("彼女のトップスを消して")
STEP_EMIT = 0.9  # a model score of one step alone counts from here on
_THEN = "(?:" + "|".join(re.escape(p) for p in sorted(L.STEP_THEN.split(", "), key=len, reverse=True)) + ")"
_STEP_BREAK = re.compile(r"\s*[.!?;:,\n。、，！？；：]+\s*(?:" + _THEN + r"\s+)?|\s+" + _THEN + r"\s+"
                         r"|(?:" + "|".join(map(re.escape, L.STEP_THEN_SUBSTRINGS.split(", "))) + ")")


class TextIntentDetector:
    """Rules + model text-intent detector. Build once and share: it is read-only."""

    name = "text_intent_v2"

    def __init__(self, model: TextIntentModel | None | object = _USE_DEFAULT,
                 rules: RuleIntentDetector | None = None, context: ContextRules | None = None,
                 suggestive: SuggestiveCues | None = None, names: NamedPersonDetector | None = None) -> None:
        self.rules = rules or RuleIntentDetector()
        self._names = names  # built on first need: most prompts never ask it
        self.context = context or _context_rules()
        self.suggestive = suggestive or _suggestive_cues()
        self._model_error: str | None = None
        if model is _USE_DEFAULT:
            try:
                model = default_model()
            except ModelUnavailable as exc:  # fail closed at detect time, not at start-up
                model, self._model_error = None, str(exc)
        self.model: TextIntentModel | None = model  # type: ignore[assignment]

    # -- public ---------------------------------------------------------------------------
    def detect(self, text: str, *, mode: str) -> list[Signal]:
        return self.detect_batch([text], [mode])[0]

    def detect_batch(self, texts: Sequence[str], modes: Sequence[str] | str) -> list[list[Signal]]:
        """Signals for each prompt, in order; one model pass for the whole batch."""
        if self._model_error is not None:
            raise ModelUnavailable(self._model_error)
        if isinstance(modes, str) or not isinstance(modes, Sequence):
            modes = [modes] * len(texts)  # type: ignore[list-item]
        modes = [getattr(m, "value", m) for m in modes]
        for m in modes:
            if m not in _MODES:
                raise ValueError(f"unknown mode {m!r}: expected 'generate' or 'edit'")
        norms = [normalize(t) if t else None for t in texts]
        # Each prompt is split into words once, for the model input, the rules, the context
        # rules and the suggestive cues.
        words = [Words(n.text) if n is not None else None for n in norms]
        # Glued words ("ziehsiekomplettaus") read with their spaces put back, for the rules and the model.
        unglued = [self.rules.unglued(n, w) if n is not None else None for n, w in zip(norms, words)]
        probs = None
        prepared: list[str] = []
        hot: list[bool] = [False] * len(norms)
        if self.model is not None:
            prepared = [prepare(n.text, w.tokens) if n is not None else "" for n, w in zip(norms, words)]
            # Other readings, each scored too, in the same model pass; the highest score counts:
            # - glued tokens cut apart ("ziehsiekomplettaus");
            # - each step of an edit in several steps ("first make the background white, then remove
            #   her top"), as the model's length norm dilutes one harmful step among ordinary ones.
            #   Alone a step has lost its context, so only a score of STEP_EMIT counts, and a step
            #   that keeps something ("but leave her clothes as they are") is not read alone.
            views = [(i, prepare(u.view.text, Words(u.view.text).tokens), 0.0) for i, u in enumerate(unglued)
                     if u is not None]
            views += [(i, prepare(part), STEP_EMIT) for i, (n, m) in enumerate(zip(norms, modes))
                      if n is not None and m == "edit" and len(parts := self._steps(n.text)) > 1 for part in parts]
            scored = self.model.predict_prepared(prepared + [text for _, text, _ in views])
            probs = scored[:len(prepared)]
            for (i, _, floor), row in zip(views, scored[len(prepared):]):
                probs[i] = np.maximum(probs[i], np.where(row >= floor, row, 0))
            hot = (probs >= MODEL_EMIT).any(axis=1).tolist()  # rows where the model has a say
        labels = self.model.labels if self.model is not None else ()
        out: list[list[Signal]] = []
        for i, n in enumerate(norms):
            if n is None:
                out.append([])
                continue
            row = None if probs is None else probs[i]
            out.append(self._combine(n, words[i], unglued[i], modes[i], row, labels, prepared[i] if prepared else "",
                                     hot[i]))
        return out

    # -- combination ----------------------------------------------------------------------
    def _combine(self, n: Normalized, words: Words, unglued: Unglued | None, mode: str, row, labels: Sequence[str],
                 prepared: str, hot: bool) -> list[Signal]:
        cleared: set[str] = set()  # kinds whose terms the rules read as look-alikes
        rule = {s.kind: s for s in self.rules.detect_normalized(n, mode, words, unglued, cleared)}
        ctx = {h.kind: h for h in self.context.find(n, mode, words)}
        named = rule.get(K.TEXT_REAL_PERSON)  # a named real person, by the rules
        name = named.evidence[0] if named is not None and named.evidence else None
        bound = self.suggestive.upper_bound(n, words)
        if named is None and bound.reaches(SUGGESTIVE_WEAK, NAMED_PERSON_CUE):
            # a public figure of the names detector's longer list, in any case ("charlize theron, on bed")
            name = self._public_figure(n, words)
        # A weak score counts only about a named real person: only then is it looked for.
        floor = SUGGESTIVE_WEAK if named is not None or name is not None else SUGGESTIVE_EMIT
        sug = self.suggestive.score(n, floor, words=words, person=_person_cue(n, name), bound=bound)
        if not rule and not ctx and not hot and not sug.cues:
            return []  # the common case: nothing from any half
        probs = None if row is None else dict(zip(labels, row.tolist()))
        if (probs is not None and probs.get("undress", 0.0) >= MODEL_EMIT and K.TEXT_UNDRESS not in rule
                and K.TEXT_UNDRESS not in cleared and (self.rules.layer_kept(n) or self.rules.mannequin_in(n)
                                                   or mode == "edit" and self.rules.names_a_retouch(words))):
            # "take off his jacket, keep the shirt", "undress the mannequin", "the price tag on his
            # jacket has to go", "take off his cap", "change the colour of his shirt": the model alone
            # says undress. A gallery prompt's "floral print" or "pattern" is no edit of a mark on a garment.
            cleared.add(K.TEXT_UNDRESS)
        covered = [kind for kind in COVER_CLEARS if kind not in rule and probs is not None
                   and probs.get(KIND_LABELS[kind], 0.0) >= MODEL_EMIT]
        if covered and mode == "edit" and self.rules.adds_a_cover(n, words):
            # "he is soaked in this photo, put a raincoat on him": covered, not undressed
            cleared.update(covered)
        if probs is not None and any(probs.get(label, 0.0) >= MODEL_EMIT for label in PET_LABELS) and self.rules.pet_only(n):
            # "put my dog in a swimsuit costume": the model alone does not flag a pet's costume
            cleared.update(LABEL_KINDS[label] for label in PET_LABELS if LABEL_KINDS[label] not in rule)
        found: dict[str, Signal] = {}
        # swimwear or underwear in a shop display is merchandise: the model alone does not flag it
        on_sale = hot and mode == "generate" and self.rules.merchandise(n)
        for label, kind in LABEL_KINDS.items():
            r_sig = rule.get(kind)
            r = r_sig.score if r_sig is not None else 0.0
            m = probs.get(label, 0.0) if probs is not None else 0.0
            if kind == K.TEXT_INJECTION and "injection" in ctx:
                h = ctx["injection"]
                r_sig = self._span_signal(kind, 0.9, n, h, mode)
                r = 0.9
            emit = MODEL_EMIT_GALLERY if mode == "generate" and kind in GALLERY_DRIFT_KINDS else MODEL_EMIT
            if r_sig is None and (m < emit or on_sale and kind in MERCHANDISE_KINDS or kind in cleared):
                continue  # the model alone says little; on sale; or the rules read its words as a look-alike
            score = max(r, m)
            if r_sig is not None:
                evidence, detail = r_sig.evidence, dict(r_sig.detail)
            else:
                evidence, detail = self._model_evidence(n, prepared, label), {"terms": [], "lang": [], "mode": mode}
            detail.update(rule=round(r, 4), model=round(m, 4),
                          source="both" if r_sig is not None and m >= MODEL_EMIT else ("rules" if r_sig else "model"))
            found[kind] = Signal(kind, round(min(1.0, score), 4), self.name, evidence, detail)
        if K.TEXT_REAL_PERSON in rule and not _names_the_author(n, rule[K.TEXT_REAL_PERSON], sug):
            s = rule[K.TEXT_REAL_PERSON]
            found[K.TEXT_REAL_PERSON] = Signal(s.kind, s.score, self.name, s.evidence, s.detail)
        minor = found.get(K.TEXT_MINOR)
        sexualised_minor = minor is not None and minor.score >= MINOR_COUNTS and sug.sexualising()
        if sug.score >= SUGGESTIVE_WEAK or sexualised_minor:
            found[K.TEXT_SUGGESTIVE] = self._suggestive_signal(n, mode, sug, sexualised_minor)
        found.update(self._targets(n, mode, ctx))
        return [found[k] for k in KIND_ORDER if k in found]

    def _steps(self, s: str) -> list[str]:
        """The steps of a normalised edit request, split at sentence and clause marks and at "then"
        words: those of STEP_MIN_WORDS words or more (or STEP_MIN_CHARS_UNSPACED characters of a
        script written without spaces) that keep nothing."""
        if len(s) < STEP_MIN_CHARS:
            return []
        return [part for part in _STEP_BREAK.split(s)
                if (len(part.split()) >= STEP_MIN_WORDS or len(part) >= STEP_MIN_CHARS_UNSPACED and not part.isascii())
                and not self.rules.keeps(part)]

    def _public_figure(self, n: Normalized, words: Words) -> TextSpan | None:
        """Where the prompt names a public figure of the names detector's list."""
        if self._names is None:
            self._names = NamedPersonDetector()
        return self._names.public_figure(n, words.tokens)

    def _targets(self, n: Normalized, mode: str, ctx: dict[str, ContextHit]) -> dict[str, Signal]:
        out: dict[str, Signal] = {}
        real = ctx.get("relation") or ctx.get("photo")
        score = 0.9 if real is not None else 0.0
        if real is None and mode == "edit" and "edit_person" in ctx and "fictional" not in ctx:
            # An edit that talks about a person in the uploaded picture: a real person unless
            # the text says otherwise. The image detectors confirm with a face.
            real, score = ctx["edit_person"], 0.7
        if real is not None:
            out[K.TEXT_REAL_TARGET] = self._span_signal(K.TEXT_REAL_TARGET, score, n, real, mode)
        if "fictional" in ctx:
            out[K.TEXT_FICTIONAL_TARGET] = self._span_signal(K.TEXT_FICTIONAL_TARGET, 0.8, n, ctx["fictional"], mode)
        return out

    def _suggestive_signal(self, n: Normalized, mode: str, sug: SuggestiveResult, sexualised_minor: bool) -> Signal:
        evidence = []
        for cue in sug.cues:
            a, b = n.span(cue.start, cue.end)
            evidence.append(TextSpan(a, b, n.original[a:b]))
        # A glamour word about a child is never weak: it counts in full (see suggestive.py).
        score = max(sug.score, SUGGESTIVE_EMIT) if sexualised_minor else sug.score
        return Signal(K.TEXT_SUGGESTIVE, score, self.name, tuple(evidence),
                      {"terms": [c.term for c in sug.cues], "cues": {c.group: c.weight for c in sug.cues},
                       "cue_score": sug.score, "mode": mode})

    def _span_signal(self, kind: str, score: float, n: Normalized, h: ContextHit, mode: str) -> Signal:
        a, b = n.span(h.start, h.end)
        return Signal(kind, score, self.name, (TextSpan(a, b, n.original[a:b]),),
                      {"terms": [h.term], "cue": h.kind, "mode": mode})

    def _model_evidence(self, n: Normalized, prepared: str, label: str) -> tuple[TextSpan, ...]:
        """Spans of the original prompt holding the words that drove a model-only score."""
        if self.model is None or not prepared:
            return ()
        spans = []
        s = n.text
        for a, b in self.model.top_spans(prepared, label):
            word = prepared[a:b]
            k = s.find(word)
            if k < 0:
                continue
            oa, ob = n.span(k, k + len(word))
            spans.append(TextSpan(oa, ob, n.original[oa:ob]))
        return tuple(sorted(set(spans), key=lambda sp: (sp.start, sp.end)))


@lru_cache(maxsize=1)
def _context_rules() -> ContextRules:
    return ContextRules()


@lru_cache(maxsize=1)
def _suggestive_cues() -> SuggestiveCues:
    return SuggestiveCues()


@lru_cache(maxsize=1)
def default_detector() -> TextIntentDetector:
    return TextIntentDetector()


def _person_cue(n: Normalized, name: TextSpan | None) -> Cue | None:
    """A named real person (a span of the original) as a suggestive person cue, in normalised offsets."""
    if name is None:
        return None
    start, end = n.normalised_span(name.start, name.end)
    return Cue("person", NAMED_PERSON_CUE, start, end, n.text[start:end])


def _names_the_author(n: Normalized, person: Signal, sug: SuggestiveResult) -> bool:
    """Every name of the rules' real-person signal is a painter's or an artwork's ("Egon Schiele
    style self portrait", "Helmut Newton inspired"): the author of a style, not a person shown."""
    return bool(person.evidence) and all(sug.names_an_author(*n.normalised_span(e.start, e.end))
                                         for e in person.evidence)
