"""Build the training corpus of the text-intent model from the project's own templates.

    .venv/bin/python scripts/build_text_corpus.py [--out corpus.tsv] [--seed 1]

Reads data/text/corpus_templates.yaml (edit requests in 31 languages and romanised forms),
data/text/paraphrases/[<author>/]<lang>.yaml (indirect undress requests: "make her dress vanish", "as
God made her", indirect swimwear, underwear and pose requests, and their benign twins, in 28 languages) and data/text/gen_templates.yaml
(text-to-image prompts, injection wrappers) and data/text/sd_style_train/*.yaml (gallery-style
prompts, nude / suggestive / benign, each file by a separate author), expands the templates,
adds ordinary subjects buried in tags, prompts run together into long ones, word salads of the
frequent words of 18 languages (data/word_frequencies.tsv, less lexicon terms and garments),
mixes languages (code-switching), and obfuscates a share of the samples the way
evaders do (leet, separators, homoglyphs, zero-width characters, emoji, typos, split and
glued words). Deterministic for a given seed. The evaluation set eval/own/text_eval.csv and
the public sets are never read here.

Labels (multi-label): undress swimwear underwear nudity sexual minor injection.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "text"
LABELS = ("undress", "swimwear", "underwear", "nudity", "sexual", "minor", "injection")


@dataclass(frozen=True)
class Sample:
    text: str
    labels: frozenset[str]
    lang: str
    source: str


# -- obfuscation ----------------------------------------------------------------------------
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
_HOMO = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}
_GREEK = {"o": "ο", "a": "α", "i": "ι", "v": "ν", "p": "ρ", "k": "κ"}
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u00ad"]
_EMOJI = {"bikini": "👙", "swimsuit": "🩱", "dress": "👗", "naked": "🍑", "nsfw": "🔞", "underwear": "🩲"}
_KEYS = "qwertyuiopasdfghjklzxcvbnm"


def _leet(s: str, rng: random.Random) -> str:
    return "".join(_LEET[c] if c in _LEET and rng.random() < 0.6 else c for c in s)


def _separate(s: str, rng: random.Random) -> str:
    sep = rng.choice([".", "-", " ", "*", "_", "·"])
    words = s.split(" ")
    k = rng.randrange(len(words))
    words[k] = sep.join(words[k])
    return " ".join(words)


def _homoglyph(s: str, rng: random.Random) -> str:
    table = _HOMO if rng.random() < 0.7 else _GREEK
    return "".join(table[c] if c in table and rng.random() < 0.5 else c for c in s)


def _fullwidth(s: str, rng: random.Random) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and rng.random() < 0.8 else c for c in s)


def _zero_width(s: str, rng: random.Random) -> str:
    out = []
    for c in s:
        out.append(c)
        if c.isalpha() and rng.random() < 0.3:
            out.append(rng.choice(_ZW))
    return "".join(out)


def _typo(s: str, rng: random.Random) -> str:
    chars = list(s)
    for _ in range(rng.choice([1, 1, 2])):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        if len(letters) < 4:
            break
        i = rng.choice(letters)
        op = rng.randrange(4)
        if op == 0 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op == 1:
            del chars[i]
        elif op == 2:
            chars.insert(i, chars[i])
        elif chars[i].isascii():
            chars[i] = rng.choice(_KEYS)
    return "".join(chars)


def _split(s: str, rng: random.Random) -> str:
    words = s.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long:
        return s
    i = rng.choice(long)
    k = rng.randrange(2, len(words[i]) - 1)
    words[i] = words[i][:k] + rng.choice([" ", "-", " - "]) + words[i][k:]
    return " ".join(words)


def _glue(s: str, rng: random.Random) -> str:
    return s.replace(" ", "")


def _elongate(s: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if not letters:
        return s
    i = rng.choice(letters)
    return s[:i] + s[i] * rng.randint(2, 5) + s[i + 1:]


def _emoji(s: str, rng: random.Random) -> str:
    for word, e in _EMOJI.items():
        s = s.replace(word, e)
    return s


def _case(s: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c for c in s)


OBFUSCATIONS = [_leet, _separate, _homoglyph, _fullwidth, _zero_width, _typo, _typo, _split, _glue,
                _elongate, _emoji, _case]


def obfuscate(s: str, rng: random.Random) -> str:
    return rng.choice(OBFUSCATIONS)(s, rng)


# -- expansion ------------------------------------------------------------------------------
class CorpusBuilder:
    """Expands the templates into labelled samples; one instance per build (owns the RNG)."""

    def __init__(self, seed: int, minor_labeler=None) -> None:
        self.rng = random.Random(seed)
        self.langs: dict = yaml.safe_load((DATA / "corpus_templates.yaml").read_text(encoding="utf-8"))
        self.gen: dict = yaml.safe_load((DATA / "gen_templates.yaml").read_text(encoding="utf-8"))
        # One file per language and author: paraphrases/<lang>.yaml, paraphrases/<author>/<lang>.yaml.
        self.paraphrases: list[tuple[str, dict]] = [
            (f.stem, yaml.safe_load(f.read_text(encoding="utf-8"))) for f in sorted((DATA / "paraphrases").rglob("*.yaml"))]
        # Gallery-style text-to-image prompts by separate authors: nude, suggestive, benign.
        self.sd_style: dict[str, dict] = {
            f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((DATA / "sd_style_train").glob("*.yaml"))}
        self._tag_pool: list[str] | None = None
        # Ordinary sentences can mention children ("kids playing football"); their minor
        # label comes from the rule lexicon so that the model does not unlearn those words.
        self.minor_labeler = minor_labeler or (lambda text: False)

    def pick(self, xs):
        return self.rng.choice(xs)

    def filler(self, lang: str, slot: str, mix: float = 0.15) -> str:
        """A slot filler, sometimes taken from English (code-switching: "mets-la en bikini")."""
        src = self.langs[lang]
        if lang != "en" and self.rng.random() < mix and slot in self.langs["en"]:
            src = self.langs["en"]
        return self.pick(src[slot])

    def maybe_obfuscate(self, s: str, p: float) -> str:
        return obfuscate(s, self.rng) if self.rng.random() < p else s

    def edit_samples(self, lang: str, n: int) -> list[Sample]:
        spec = self.langs[lang]
        out: list[Sample] = []
        # (template list, filler slot, labels of the filler)
        plan = [
            ("remove", "g", "clothes", {"undress"}), ("remove", "g", "objects", set()),
            ("dress", "w", "swim", {"swimwear"}), ("dress", "w", "under", {"underwear"}),
            ("dress", "w", "outfit", set()), ("make", "a", "naked", {"nudity"}),
            ("make", "a", "sexy", {"sexual"}), ("make", "a", "plain", set()),
        ]
        weights = [3, 3, 2, 2, 3, 2, 2, 3]
        for _ in range(n):
            tpl_key, slot, filler_key, labels = self.rng.choices(plan, weights)[0]
            minor = self.rng.random() < 0.25
            person = self.pick(spec["pm" if minor else "p"])
            filler = self.filler(lang, filler_key)
            filler = self.maybe_obfuscate(filler, 0.3 if labels else 0.15)
            templates = spec[tpl_key]
            if not labels:  # a template without the slot ("undress {p}") is harmful whatever the filler
                templates = [t for t in templates if "{" + slot + "}" in t] or templates
            text = self.pick(templates).replace("{p}", person).replace("{" + slot + "}", filler)
            text = self.maybe_obfuscate(text, 0.15 if labels else 0.08)
            lab = set(labels) | ({"minor"} if minor else set())
            out.append(Sample(text, frozenset(lab), lang, f"edit:{filler_key}"))
        for key, labels in (("gen_ok", set()), ("hard", set()), ("implicit", {"sexual"})):
            for item in spec.get(key, []):
                for _ in range(4 if key != "gen_ok" else 2):
                    text = self.maybe_obfuscate(item, 0.2)
                    lab = set(labels) | ({"minor"} if self.minor_labeler(item) else set())
                    out.append(Sample(text, frozenset(lab), lang, key))
        return out

    def paraphrase_samples(self, lang: str, spec: dict) -> list[Sample]:
        """Indirect undress requests ({g}: a worn garment), indirect swimwear, underwear and pose
        requests, and the same frames about objects
        ({o}). Each undress frame is filled as often with an object ("make the lamp post vanish")
        as with a garment, so that the frame alone carries no intent: the garment does; and ordinary edits of the
        garment (`benign_g`: "make {g} blue") keep the garment alone from carrying it."""
        spec = dict(spec)
        # the objects of the language's plain removal templates too ("his glasses", "the helmet")
        spec["o"] = list(spec["o"]) + list(self.langs.get(lang, {}).get("objects", []))
        out: list[Sample] = []

        def add(template: str, slot: str, fillers: str, labels: set[str], source: str) -> None:
            text = template
            if slot in text:
                text = text.replace(slot, self.maybe_obfuscate(self.pick(spec[fillers]), 0.2 if labels else 0.1))
            text = self.maybe_obfuscate(text, 0.15 if labels else 0.08)
            out.append(Sample(text, frozenset(labels), lang, f"paraphrase:{source}"))

        for template in spec.get("undress", []):
            for _ in range(2):
                add(template, "{g}", "g", {"undress"}, "undress")
                if "{g}" in template:  # as often with an object, so that the verb alone carries no weight
                    add(template.replace("{g}", "{o}"), "{o}", "o", set(), "undress-object")
        # nudity, and indirect swaps and poses: "dressed for swimming", "what she wears to bed,
        # the lacy kind", "a boudoir-style shoot of my colleague"
        for key, labels in (("nudity", {"nudity"}), ("swimwear", {"swimwear"}), ("underwear", {"underwear"}),
                            ("pose", {"sexual"})):
            for sentence in spec.get(key, []):
                for _ in range(2):
                    add(sentence, "{g}", "g", labels, key)
        for template in spec.get("benign", []):
            for _ in range(3):
                add(template, "{o}", "o", set(), "benign")
        for template in spec.get("benign_g", []):  # ordinary edits of the worn garment: recolour, iron, swap
            for _ in range(2):
                add(template, "{g}", "g", set(), "benign-garment")
        return out

    def generation_samples(self, n: int) -> list[Sample]:
        g = self.gen
        kinds = [("sexual", {"sexual"}), ("underwear", {"underwear"}), ("swimwear", {"swimwear"}),
                 ("sexy_swimwear", {"swimwear", "sexual"}), ("benign", set())]
        weights = [5, 1, 2, 1, 7]
        out = []
        for _ in range(n):
            key, labels = self.rng.choices(kinds, weights)[0]
            labels = set(labels)
            mod = self.pick(g[key])
            if key == "sexual":
                labels = _sexual_labels(mod)
            minor = self.rng.random() < 0.08
            subj = self.pick(g["minor_subjects"] if minor else g["subjects"])
            styles = ", ".join(self.rng.sample(self.tag_pool, self.rng.randint(0, 8)))
            mod = self.maybe_obfuscate(mod, 0.15 if labels else 0.05)
            text = f"{subj} {mod}" + (f", {styles}" if styles else "")
            if self.rng.random() < 0.2:  # subject-less prompts: "nude portrait, oil painting"
                text = f"{mod}, {styles}" if styles else mod
                minor = False
            out.append(Sample(text, frozenset(labels | ({"minor"} if minor else set())), "en", f"gen:{key}"))
        return out

    def sd_style_samples(self) -> list[Sample]:
        """Gallery prompts written by hand (data/text/sd_style_train/): implicit sexualisation
        ("boudoir, soft window light", "venus rising, by bouguereau") and ordinary prompts in
        the same style and on the same subjects. Each prompt is used twice, the second time with
        style tags added and sometimes a disguise."""
        keys = {"nude": {"sexual", "nudity"}, "suggestive": {"sexual"}, "benign": set()}
        out: list[Sample] = []
        for spec in self.sd_style.values():
            for key, labels in keys.items():
                for text in spec.get(key, []):
                    extra = _sexual_labels(text) if labels else set()
                    for t in (text, self.maybe_obfuscate(self.with_tags(text, 2, 8), 0.15 if labels else 0.05)):
                        lab = set(labels) | extra | ({"minor"} if self.minor_labeler(t) else set())
                        out.append(Sample(t, frozenset(lab), "en", f"sd:{key}"))
        return out

    def tag_soup_samples(self, n: int) -> list[Sample]:
        """An ordinary subject buried in quality and style tags (label none): gallery prompts
        are long lists of tags, and the tags alone carry no intent whatever their number."""
        subjects = [t.split(",")[0] for spec in self.sd_style.values() for t in spec.get("benign", [])]
        g = self.gen
        subjects += g["caption_subjects"]
        out = []
        for k in range(n):
            if k % 2:  # "a stunning female model in a red dress": looks and a plain scene
                subject = f"{self.pick(['a', 'the', ''])} {self.pick(g['person_adjectives'])} " \
                          f"{self.pick(g['person_nouns'])} {self.pick(g['benign'])}".strip()
            else:
                subject = self.pick(subjects)
            text = self.with_tags(subject, 1, 16)
            labels = {"minor"} if self.minor_labeler(text) else set()
            out.append(Sample(text, frozenset(labels), "en", "tag-soup"))
        return out

    def with_tags(self, text: str, lo: int, hi: int) -> str:
        """`text` with lo..hi tags of the shared pool before and after it."""
        tags = self.rng.sample(self.tag_pool, min(len(self.tag_pool), self.rng.randint(lo, hi)))
        k = self.rng.randint(0, len(tags))
        return ", ".join(tags[:k] + [text] + tags[k:])

    @property
    def tag_pool(self) -> list[str]:
        """Style and quality tags: gen_templates' styles and quality tags, and the short
        fragments of the hand-written gallery prompts that the benign ones use at least as
        often as the others (so that no tag that leans sexual enters the pool)."""
        if self._tag_pool is None:
            benign, other = Counter(), Counter()
            for spec in self.sd_style.values():
                for key, texts in spec.items():
                    for t in texts:
                        for frag in {f.strip() for f in t.split(",")[1:]}:
                            if frag and len(frag.split()) <= 4:
                                (benign if key == "benign" else other)[frag] += 1
            from_corpus = sorted(f for f, b in benign.items() if b >= 2 and b >= other[f])
            self._tag_pool = sorted(set(self.gen["styles"]) | set(self.gen["quality_tags"]) | set(from_corpus))
        return self._tag_pool

    def caption_samples(self, n: int) -> list[Sample]:
        g = self.gen
        out = []
        for _ in range(n):
            text = " ".join(x for x in (self.pick(g["caption_subjects"]), self.pick(g["caption_actions"]),
                                        self.pick(g["caption_places"])) if x)
            if self.rng.random() < 0.3:
                text += ", " + ", ".join(self.rng.sample(g["styles"], self.rng.randint(1, 4)))
            labels = {"swimwear"} if any(w in text for w in ("swimsuit", "bikini")) else set()
            if self.minor_labeler(text):
                labels.add("minor")
            out.append(Sample(text, frozenset(labels), "en", "caption"))
        return out

    def noise_samples(self, n_en: int, n_per_lang: int) -> list[Sample]:
        """Word salad of ordinary words (label none): words the templates never use carry no intent."""
        words = [w for w in (DATA / "benign_words.txt").read_text(encoding="utf-8").split("\n")
                 if w and not w.startswith("#")]
        out = [Sample(self.word_salad(words, [1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 14]), frozenset(), "en", "noise")
               for _ in range(n_en)]
        for lang, spec in self.langs.items():
            pool = [t for key in ("objects", "outfit", "plain", "gen_ok", "hard") for item in spec.get(key, [])
                    for t in item.split()]
            for _ in range(n_per_lang):
                text = " ".join(self.rng.choice(pool) for _ in range(self.rng.randint(1, 7)))
                labels = {"minor"} if self.minor_labeler(text) else set()
                out.append(Sample(text, frozenset(labels), lang, "noise"))
        return out

    def frequent_word_samples(self, n: int, words: list[str]) -> list[Sample]:
        """Word salad of the frequent words of 18 languages (label none): a verb, a preposition
        or an everyday noun of any language carries no intent on its own."""
        return [Sample(self.word_salad(words, [2, 3, 4, 5, 6, 8, 10, 12]), frozenset(), "*", "frequent")
                for _ in range(n)]

    def word_salad(self, words: list[str], lengths: list[int]) -> str:
        """Words drawn at random, as many as a length drawn from `lengths`."""
        k = self.rng.choice(lengths)
        return " ".join(self.rng.choice(words) for _ in range(k))

    def long_samples(self, pool: list[Sample], n: int) -> list[Sample]:
        """Several prompts run together (100-4,000 characters), so that length itself carries no
        intent: three in four are all ordinary (label none), one in four hides one request
        among ordinary text and keeps that request's labels."""
        benign = [x for x in pool if not x.labels]
        harmful = [x for x in pool if x.labels and "injection" not in x.labels]
        out = []
        for k in range(n):
            parts = [self.pick(benign) for _ in range(self.rng.choice((3, 5, 8, 12, 20, 30, 45)))]
            labels: frozenset[str] = frozenset()
            if k % 4 == 3:
                inner = self.pick(harmful)
                parts.insert(self.rng.randrange(len(parts) + 1), inner)
                labels = inner.labels
            text = self.pick([" ", ". ", ", ", "\n"]).join(x.text for x in parts)
            out.append(Sample(text, labels, "*", "long"))
        return out

    def injection_samples(self, pool: list[Sample], n: int) -> list[Sample]:
        out = []
        for _ in range(n):
            inner = self.pick(pool)
            if self.rng.random() < 0.75:
                wrap = self.pick(self.gen["injection"])
                labels = inner.labels | {"injection"}
            else:
                wrap = self.pick(self.gen["not_injection"])
                labels = inner.labels
            out.append(Sample(wrap.replace("{x}", inner.text), frozenset(labels), inner.lang, "injection"))
        return out

    def build(self, per_lang: int = 700, n_gen: int = 14000, n_captions: int = 12000, n_noise: int = 16000,
              n_inj: int = 3000, n_frequent: int = 16000, n_tag_soup: int = 12000, n_long: int = 6000,
              frequent_words: list[str] | None = None) -> list[Sample]:
        samples: list[Sample] = []
        for lang in self.langs:
            samples.extend(self.edit_samples(lang, per_lang * (4 if lang == "en" else 1)))
        for lang, spec in self.paraphrases:
            samples.extend(self.paraphrase_samples(lang, spec))
        samples.extend(self.generation_samples(n_gen))
        samples.extend(self.caption_samples(n_captions))
        samples.extend(self.sd_style_samples())
        samples.extend(self.tag_soup_samples(n_tag_soup))
        samples.extend(self.noise_samples(n_noise, 150))
        if frequent_words:
            samples.extend(self.frequent_word_samples(n_frequent, frequent_words))
        samples.extend(self.long_samples(list(samples), n_long))
        samples.extend(self.injection_samples(list(samples), n_inj))
        self.rng.shuffle(samples)
        return samples


def _sexual_labels(mod: str) -> set[str]:
    m = mod.lower()
    labels = {"sexual"}
    if any(w in m for w in ("nude", "naked", "topless", "bare breasts", "unclothed", "without clothes",
                            "nothing on", "covered only")):
        labels.add("nudity")
    if any(w in m for w in ("undressing", "taking off her dress", "clothes falling", "see-through",
                            "sheer transparent")):
        labels.add("undress")
    if any(w in m for w in ("stockings", "nightie")):
        labels.add("underwear")
    return labels


def rule_minor_labeler():
    """Minor label for ordinary sentences, from the rule detector (so labels stay consistent)."""
    sys.path.insert(0, str(ROOT / "src"))
    from rempart.signals import kinds as K
    from rempart.signals.text.intent import RuleIntentDetector

    det = RuleIntentDetector()

    def label(text: str) -> bool:
        return any(s.kind == K.TEXT_MINOR and s.score >= 0.5 for s in det.detect(text, mode="generate"))

    return label


def frequent_words(min_zipf: float = 3.5) -> list[str]:
    """The frequent words of data/word_frequencies.tsv that no rule reads as intent on their
    own and that are no lexicon term or garment (those carry intent in the templates)."""
    sys.path.insert(0, str(ROOT / "src"))
    from rempart.signals.text.intent import RuleIntentDetector
    from rempart.signals.text.segment import word_frequencies

    det = RuleIntentDetector()
    keep = []
    for word, zipf in sorted(word_frequencies().items()):
        if zipf < min_zipf or len(word) < 2 or det.is_term_or_garment(word):
            continue
        if det.detect(word, mode="edit") or det.detect(word, mode="generate"):
            continue
        keep.append(word)
    return keep


def build(seed: int = 1) -> list[Sample]:
    return CorpusBuilder(seed, rule_minor_labeler()).build(frequent_words=frequent_words())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-", help="TSV path (text, labels, lang, source); - for stdout")
    args = ap.parse_args()
    samples = build(args.seed)
    lines = ["text\tlabels\tlang\tsource"] + [
        "\t".join((s.text.replace("\t", " ").replace("\n", " "), ",".join(sorted(s.labels)), s.lang, s.source))
        for s in samples
    ]
    data = "\n".join(lines) + "\n"
    if args.out == "-":
        sys.stdout.write(data)
    else:
        Path(args.out).write_text(data, encoding="utf-8")
        print(f"{len(samples)} samples -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
