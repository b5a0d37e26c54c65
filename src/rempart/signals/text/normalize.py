"""Prompt normalisation with an offset map back to the original string.

`normalize(text)` returns three aligned views of the same length (so one offset map
serves all three):

- `text`: what term matching uses: NFKC, casefolded, invisibles removed, Latin/Greek/
  Cyrillic accents stripped, look-alike letters mapped to Latin inside words that are
  obviously disguised, leetspeak decoded inside words, spaced letters joined
  ("n u d e" -> "nude"), letter runs of 3+ squashed to 2 ("nuuuude" -> "nuude").
- `digits`: the same but without leetspeak, so "15 year old" stays readable.
- `accented`: the same but with accents kept (niña vs the name Nina).

`src[i]` is the index in the original string of the character that produced
normalised character i. `obf` holds normalised positions touched by an obfuscation
step (leet, look-alike, joined letters, squashed run, removed invisible char) so the
detector can score those hits lower.

Everything is linear in the input length; ASCII input takes a fast path.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import Callable, Iterator

# Combining marks that scripts such as Devanagari, Bengali or Thai need inside a word (vowel signs):
# Python's \w leaves them out, and a pattern of \w alone cuts "कपड़े" into "कपड". Not the dandas (।, ॥): they end
# a sentence.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u1000-\u109f\u17b4-\u17d3\u302a-\u302f\u3099\u309a"
)
# Zero-width, bidi controls, word joiners, BOM, soft hyphen, plus a few other invisible
# fillers seen in evasion (combining grapheme joiner, Hangul fillers, Mongolian vowel sep).
_INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff", "\u00ad", "\u034f", "\u180e", "\u115f", "\u1160", "\u3164", "\uffa0"]
    + ["\u0640"]  # Arabic tatweel, a stretching stroke: "عـــارية" is "عارية"
)

# Lower-case Cyrillic/Greek letters that render like Latin ones. Upper-case forms are
# casefolded first. Applied only inside words that mix scripts or are made only of
# look-alikes, so real Russian or Greek words are left alone.
_CONFUSABLE = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "к": "k", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ү": "y",
    "ο": "o", "α": "a", "ι": "i", "ν": "v", "ρ": "p", "υ": "u", "κ": "k", "ε": "e",
    "τ": "t", "χ": "x", "μ": "u", "ѵ": "v", "ɑ": "a", "ɡ": "g", "ı": "i",
}
_CONFUSABLE_TABLE = str.maketrans(_CONFUSABLE)
# Latin letters that pass for Cyrillic or Greek ones, for the reverse disguise.
_TO_CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "k": "к"}
_TO_GREEK = {"o": "ο", "a": "α", "i": "ι", "v": "ν", "p": "ρ", "k": "κ", "e": "ε", "t": "τ", "x": "χ", "u": "υ"}
# A digit inside an Arabic-script or Hebrew word stands for the vowel letter it sounds like ("بیک1نی", "ביק1ני").
_TO_ARABIC = {"i": "ي", "a": "ا", "o": "و"}
_TO_HEBREW = {"i": "י", "a": "א", "o": "ו"}
# Latin look-alikes go to these scripts; leet digits to these and the two above.
_LOOKALIKE_SCRIPTS = {"cyrillic": _TO_CYRILLIC, "greek": _TO_GREEK}
_TO_SCRIPT = {**_LOOKALIKE_SCRIPTS, "arabic": _TO_ARABIC, "hebrew": _TO_HEBREW}


def _native_script(word: str) -> str | None:
    """"cyrillic" or "greek" when the word has letters of that script with no Latin look-alike;
    "arabic" or "hebrew" for a word in those scripts."""
    for c in word:
        if c in _CONFUSABLE:
            continue
        o = ord(c)
        if 0x400 <= o <= 0x4FF:
            return "cyrillic"
        if 0x370 <= o <= 0x3FF:
            return "greek"
        if 0x600 <= o <= 0x6FF:
            return "arabic"
        if 0x590 <= o <= 0x5FF:
            return "hebrew"
    # A word of look-alike letters only ("ρ0υχ@") is of their script when they all come from one
    # and none is Latin: its leet digits become that script's letters ("ρουχα").
    if word.isascii():
        return None
    scripts = {"greek" if 0x370 <= ord(c) <= 0x3FF else "cyrillic" for c in word if c in _CONFUSABLE and ord(c) > 0x36F}
    return scripts.pop() if len(scripts) == 1 and not _LATIN_LETTER.search(word) else None

# Letters that do not decompose under NFD but are read as a plain Latin letter.
_STRIP_EXTRA = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ð": "d", "ŀ": "l"}
# Ligatures NFKC leaves alone; applied to every view (they change length).
_LIGATURES = {"æ": "ae", "œ": "oe", "ĳ": "ij"}
# Letters that writers and keyboards use for one another, folded to one form in every view,
# prompts and lexicon alike:
# - Arabic script: hamza forms of alef, alef maqsura and the Persian and Urdu forms of yeh,
#   keheh and heh, teh marbuta (often written as heh);
# - Chinese: the traditional forms of the lexicon's characters, read as the simplified ones
#   ("換上泳裝" is "换上泳装"); Japanese writes most of them in the simplified form anyway.
_HAN_TRADITIONAL = "裝換給讓沒脫體褲襪絲這個變視見張們帶內衛領鬆開來無點兒歲學級幫著寫圖畫麼裡裏圍樣親邊時頭臉髮紗濕貼緊顯現兩幾隻後妳對說請過長減塊單將從當為與會還麗誘騷愛戀蘿國腳膚線"
_HAN_SIMPLIFIED = "装换给让没脱体裤袜丝这个变视见张们带内卫领松开来无点儿岁学级帮着写图画么里里围样亲边时头脸发纱湿贴紧显现两几只后你对说请过长减块单将从当为与会还丽诱骚爱恋萝国脚肤线"
# Latin small capitals ("ɴᴜᴅᴇ") and the letter emoji of "fancy text" (negative circled and squared
# letters, "🅝🅤🅓🅔", "🅽🆄🅳🅴"; the regional indicators that flags are made of, "🇳🇺🇩🇪"), which NFKC
# leaves alone: disguises of plain letters.
_SMALL_CAPITALS = dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz"))
_LETTER_EMOJI = {chr(first + k): chr(ord("a") + k) for first in (0x1F150, 0x1F170, 0x1F1E6) for k in range(26)}
_LETTER_FOLD = str.maketrans({
    **_SMALL_CAPITALS, **_LETTER_EMOJI,
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي", "ے": "ي",
    "ک": "ك", "ڪ": "ك", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ۃ": "ه", "ؤ": "و", "ں": "ن",
    **dict(zip(_HAN_TRADITIONAL, _HAN_SIMPLIFIED)),
})

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l", "+": "t"}
_LEET_DIGITS = frozenset("013457")
_CYRILLIC_LEET = {"9": "я", "6": "б"}
_CYRILLIC_DIGIT = re.compile(r"(?<=[а-яёіїєґ])[69](?=[а-яёіїєґ])")

# Stray combining marks left after composition (Latin diacritics, Arabic harakat) are
# dropped; other scripts' marks (Devanagari vowel signs...) are meaningful and kept.
_DROP_MARK = re.compile(r"[\u0300-\u036f\u064b-\u065f\u0670]")

_WORDCHAR = r"[^\W_]"
# A word containing a leet character between letters ("r3m0ve", "n@ked"), a single
# trailing digit or @ after 2+ letters ("nud3", "ρουχ@"), or a leading $/@ ("$ex"). Leading digits are
# never decoded: "1girl", "15yo", "3d", "4k", "8th" must stay as they are.
# The lookahead (a leet character leads or follows the first letters) leaves out only words of
# letters alone, which are no leet: they cost a match object each in a long prompt.
_LEET_WORD = re.compile(r"(?<![^\W_])(?=[$@]|[^\W\d_]+[013457@$!|+])"
                        r"[$@]?[^\W\d_]+(?:[013457@$!|+]+[^\W\d_]+)*[013457!@]?(?![^\W_])")
# Three or more single letters/digits separated by one separator char: "n u d e", "r.e.m.o.v.e",
# "ぬ・が・せ" (the katakana middle dot), "n•u•d•e".
# Kana, Han and Hangul are written without spaces, so there the run may follow a word ("この人をぬ・が・せ").
# The Arabic article is glued to its noun: "الـم.ل.ا.ب.س" is the article and a spaced-out word.
_SEPARATOR_MARKS = "._-*~·/・•‧∙⋅"  # between spaced-out letters, besides a space
_SPACED_SEP = "[ " + re.escape(_SEPARATOR_MARKS) + "]"
_HANGUL = "\uac00-\ud7af"  # syllables
_KANA_HAN_HANGUL = r"[\u3040-\u30ff\u4e00-\u9fff" + _HANGUL + "]"
_KANA = r"[\u3040-\u30ff]"  # a spaced-out kana word may go straight on into kana: "ぜ.ん.らにして"
_HANGUL_ONLY = re.compile("[" + _HANGUL + "]+")
# Where a run may start (no word char before it, but for kana, Han, Hangul and the Arabic article),
# and how each of its letters ends (no word char after it, but kana after kana): shared by _SPACED
# and _SPACED_ANY, which must agree. Latin letters glued to kana, Han or Hangul are a word of their
# own there ("生成一张n.u.d.e美女图").
_SPACED_START = r"(?:(?<![^\W_])|(?=" + _KANA_HAN_HANGUL + r")|(?<=ال)|(?<=" + _KANA_HAN_HANGUL + r")(?=[A-Za-z0-9]))"
_SPACED_LETTER_END = r"(?:(?![^\W_])|(?<=" + _KANA + r")(?=" + _KANA + r")|(?<=[A-Za-z0-9])(?=" + _KANA_HAN_HANGUL + r"))"
_SPACED = re.compile(_SPACED_START + r"[^\W_](?:" + _SPACED_SEP + r"{1}[^\W_]" + _SPACED_LETTER_END + r"){2,}")
# Single letters set apart by a mark doubled or tripled, a mark with a space on each side, "+",
# "|" or an emoji ("n..u..d..e", "n - u - d - e", "n+u+d+e", "n🔥u🔥d🔥e"): each such separator
# becomes one "." before the spaced-out letters are joined. A lone space is no such separator.
_LOOSE_MARKS = _SEPARATOR_MARKS + "+|"
_LOOSE_MARK = "[" + re.escape(_LOOSE_MARKS) + "]"
_EMOJI_RANGE = r"\u2600-\u27bf\U0001f300-\U0001faff"
_LOOSE_EMOJI = "[" + _EMOJI_RANGE + r"]\ufe0f?"
_LOOSE_EMOJI_RE = re.compile(_LOOSE_EMOJI)
# A mark with a space on one side only is punctuation ("e.g. a cat"), and two marks of different
# kinds are a word's own hyphen between separators ("d·e·z·b·r·a·c·-·o", "t.-.s.h.i.r.t").
_LOOSE_UNIT = re.compile("|".join(f" {re.escape(c)}{{1,3}} |{re.escape(c)}{{1,3}}" for c in _LOOSE_MARKS)
                         + "|" + _LOOSE_EMOJI)
_LOOSE_SPACED = re.compile(_SPACED_START + r"[^\W_](?:(?:" + _LOOSE_UNIT.pattern + r")[^\W_]" + _SPACED_LETTER_END
                           + r"){2,}")
# Its "is there any" check, led by a mark (re then skips ahead to it): a letter, a space or not,
# one to three marks, a space or not, and a single letter; or an emoji. On ASCII text the first
# letter must be single too, as in _LOOSE_SPACED.
_LOOSE_ANY = re.compile(_LOOSE_MARK + r"(?:(?<=[^\W_].)|(?<=[^\W_] .))" + _LOOSE_MARK + r"{0,2} ?[^\W_](?![^\W_])|"
                        + _LOOSE_EMOJI)
_LOOSE_MARK_ASCII = "[" + re.escape("".join(c for c in _LOOSE_MARKS if c.isascii())) + "]"
_LOOSE_ANY_ASCII = re.compile(_LOOSE_MARK_ASCII + r"(?:(?<=(?<![a-z0-9])[a-z0-9].)|(?<=(?<![a-z0-9])[a-z0-9] .))"
                              + _LOOSE_MARK_ASCII + r"{0,2} ?[a-z0-9](?![a-z0-9])")
# Three or more pieces of at most three letters joined by hyphens: syllables of one word.
_SYLLABLE_CHAIN = re.compile(r"(?<![^\W_])[^\W\d_]{1,3}(?:-[^\W\d_]{1,3}){2,}(?![^\W_-])")
# Its "is there any" check, led by the hyphen: three pieces have a middle one between two hyphens
_SYLLABLE_ANY = re.compile(r"-[^\W\d_]{1,3}-")
# Two spaced-out letters between double spaces (the spaces between spaced-out words)
_SPACED_PAIR = re.compile(r"(?:^|(?<=  ))[^\W_]" + _SPACED_SEP + r"[^\W_](?=  |$)")
# Two letters with the same mark between and after them, then a space: "t_a_ a_v_" (not a dot:
# initials, "j.c. leyendecker")
_TRAILED_PAIR = re.compile(r"(?<![^\W_])[^\W_]([_\-*~·])[^\W_]\1(?=\s|$)")
# Korean has many one-syllable words ("옷 안 입은", "옷 좀 벗겨"): three of them spaced apart are
# ordinary text; from four on they are read as a spaced-out word ("벗 겨 주 세 요").
HANGUL_SPACED_MIN = 4
_ELONG = re.compile(r"([^\W\d_])\1\1+")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3]")
# The "is there any" checks that every prompt pays, each true exactly when the pattern it
# names finds a match, written to be fast: led by a character class where the pattern is led by
# an assertion or a group (re then skips ahead to that class instead of trying the whole pattern
# at every position), and on ASCII text in plain ASCII ranges (re looks Unicode classes up per
# character).
# _SPACED, from its first separator: three one-character words with one separator between
# each ("n u d"), the first of them not glued to a word before it unless it is kana, Han or Hangul
# or follows the Arabic article.
_SPACED_ANY = re.compile(_SPACED_SEP + r"(?<=" + _SPACED_START + r"[^\W_].)"
                         r"[^\W_]" + _SPACED_SEP + r"[^\W_]" + _SPACED_LETTER_END)
_SPACED_ANY_ASCII = re.compile(r"[ ._\-*~/](?<=(?<![A-Za-z0-9])[A-Za-z0-9].)"
                               r"[A-Za-z0-9][ ._\-*~/][A-Za-z0-9](?![A-Za-z0-9])")
# What must follow the first letter of a match of _SPACED (a separator, a letter, a separator) and
# of _LOOSE_SPACED (a mark, an emoji, or a space and a mark): led by a character class, re skips
# to them in C; _SPACED and _LOOSE_SPACED start with lookarounds, tried at every position.
_SPACED_LEAD = re.compile(_SPACED_SEP + r"(?=[^\W_]" + _SPACED_SEP + ")")
_LOOSE_LEAD = re.compile("[" + re.escape(_LOOSE_MARKS) + _EMOJI_RANGE + "]| (?=" + _LOOSE_MARK + ")")
_ELONG_ANY = re.compile(r"([^\W\d_])\1\1")  # _ELONG without the "+": matches exist at the same places
_ELONG_ANY_ASCII = re.compile(r"([A-Za-z])\1\1")
# Any leetspeak candidate: a leet character after a letter ("n@ked"), or $ or @ before one ("$ex").
_LEET_ANY = re.compile(r"[013457@$!|+](?:(?<=[^\W\d_].)|(?<=[$@])(?=[^\W\d_]))")
_LEET_ANY_ASCII = re.compile(r"[013457@$!|+](?:(?<=[A-Za-z].)|(?<=[$@])(?=[A-Za-z]))")
# A lone leet digit between two words of a disguised prompt: a one-letter word ("t1r4l3 1 ve5717i").
_LONE_LEET = re.compile(r"(?<=[^\W\d_] )[014](?= [^\W\d_])")
# A leet digit between two letters ("7am4men"): the word is disguised, whatever starts it.
_INNER_LEET = re.compile(r"[^\W\d_][013457]+[^\W\d_]")
# A word of letters and leet digits that _LEET_WORD leaves ("74m4men", "4u5", "50y", "l1ng3r13"):
# leet only in a prompt disguised elsewhere, and never the usual tokens that start with a number.
# It must hold a leet digit (the second lookahead): a word of letters alone is read as it is.
_MIXED_LEET_WORD = re.compile(r"(?<![^\W_])(?=[013457]*[^\W\d_])(?=[^\W\d_]*[013457])(?:[013457]|[^\W\d_])+(?![^\W_])")
_NUMBER_PREFIXED = frozenset("girl girls boy boys guy guys man men woman women kid kids st nd rd th yo yr yrs "
                             "ys year years day days am pm km kg cm mm mb gb px fps hr hrs min "
                             "k d p x s h m g b".split())
_CONF_CAND = re.compile("[" + "".join(_CONFUSABLE) + "]")
# A space between two Thai letters: Thai writes words without spaces, so a space inside a
# Thai phrase splits a word ("แก้ ผ้า") as often as it separates two.
_THAI_SPACE = re.compile("(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")
# Devanagari, Bengali and Thai letters (not digits, not the danda) split by a mark inside a
# word: "ন্যা-ং-টা", "ถ-อ-ด"
_SPLIT_SCRIPT_LETTER = "[\u0900-\u0963\u0971-\u097f\u0980-\u09e5\u09f0-\u09ff\u0e01-\u0e4e]"
_SPLIT_SCRIPT = re.compile("(?<=" + _SPLIT_SCRIPT_LETTER + ")[-.·_*~](?=" + _SPLIT_SCRIPT_LETTER + ")")
# A Latin letter touching a Cyrillic or Greek one: a word of mixed script ("гoлoй").
_MIXED_SCRIPT = re.compile("[a-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][a-z]")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile("[a-z]")  # lower case: the views are casefolded
_NATIVE_LETTER = re.compile("[" + "".join(
    c for c in map(chr, list(range(0x430, 0x460)) + list(range(0x3B1, 0x3CA))) if c not in _CONFUSABLE
) + "]")


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    text: str  # matching view (leet decoded)
    digits: str  # digits kept
    accented: str  # accents kept
    src: tuple[int, ...] | None  # None means identity (fast ASCII path)
    obf: tuple[int, ...]  # sorted normalised positions touched by an obfuscation step

    def orig_start(self, i: int) -> int:
        if self.src is None:
            return i
        if i >= len(self.src):
            return len(self.original)
        return self.src[i]

    def orig_end(self, j: int) -> int:
        """Original end offset for a normalised end offset `j` (exclusive)."""
        if j <= 0:
            return 0
        end = j if self.src is None else self.src[j - 1] + 1
        # Take trailing combining marks that belong to the last char, and the loose jamo
        # composed into it.
        o = self.original
        n = len(o)
        while end < n and (_attaches(o[end])
                           or (_is_jamo(o[end]) and (self.src is None or j >= len(self.src) or self.src[j] > end))):
            end += 1
        return end

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.orig_start(i), self.orig_end(j)

    def normalised_span(self, a: int, b: int) -> tuple[int, int]:
        """The normalised offsets of the original range [a, b): the inverse of `span`."""
        if self.src is None:  # the identity map
            return a, b
        start = bisect_left(self.src, a)
        return start, max(start, bisect_left(self.src, b))

    def fuzzy(self, i: int, j: int) -> bool:
        """True when a normalised range was touched by an obfuscation step."""
        if not self.obf:
            return False
        k = bisect_left(self.obf, i)
        return k < len(self.obf) and self.obf[k] < j


# Hangul typed as loose letters ("ㅇㅗㅅ" for 옷) is composed back into syllables. Compatibility
# jamo (the keyboard's letters) and conjoining jamo are both read.
_JAMO_L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JAMO_V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JAMO_T = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"  # index + 1 = final consonant number
_JAMO_COMPAT = {**{chr(0x1100 + k): c for k, c in enumerate(_JAMO_L)},
                **{chr(0x1161 + k): c for k, c in enumerate(_JAMO_V)},
                **{chr(0x11A8 + k): c for k, c in enumerate(_JAMO_T)}}


def _is_jamo(c: str) -> bool:
    o = ord(c)
    return 0x3131 <= o <= 0x318E or 0x1100 <= o <= 0x11FF


def _hangul_syllable(text: str, i: int) -> tuple[str, int] | None:
    """The syllable composed from the loose jamo at text[i:], and where it ends."""
    def at(k: int) -> str:
        return _JAMO_COMPAT.get(text[k], text[k]) if k < len(text) else ""
    lead, vowel = at(i), at(i + 1)
    if not lead or not vowel or lead not in _JAMO_L or vowel not in _JAMO_V:
        return None
    code = 0xAC00 + (_JAMO_L.index(lead) * 21 + _JAMO_V.index(vowel)) * 28
    end = i + 2
    final, after = at(end), at(end + 1)
    if final and final in _JAMO_T and not (after and after in _JAMO_V):  # else it leads the next syllable
        code += _JAMO_T.index(final) + 1
        end += 1
    return chr(code), end


_cluster_cache: dict[str, tuple[str, str]] = {}


def _strip_char(c: str) -> str:
    e = _STRIP_EXTRA.get(c)
    if e is not None:
        return e
    d = unicodedata.normalize("NFD", c)
    if len(d) > 1 and (ord(d[0]) < 0x530 or 0x1E00 <= ord(d[0]) < 0x1F00):
        return d[0]
    return c


def _map_cluster(cl: str) -> tuple[str, str]:
    """(accented, stripped) forms of a grapheme-ish cluster; both have the same length."""
    r = _cluster_cache.get(cl)
    if r is not None:
        return r
    if cl[0] in _INVISIBLE:
        r = ("", "")
    else:
        cat = unicodedata.category(cl[0])
        if cat == "Cc" or cat == "Zl" or cat == "Zp":
            r = (" ", " ")  # controls and line breaks act as separators
        elif cat == "Cf" or cat == "Cs" or cat == "Co" or cat == "Cn":
            r = ("", "")
        else:
            a = unicodedata.normalize("NFKC", cl).casefold()
            a = _DROP_MARK.sub("", a)
            a = "".join(_LIGATURES.get(c, c) for c in a).translate(_LETTER_FOLD)
            s = "".join(_strip_char(c) for c in a)
            r = (a, s)
    if len(_cluster_cache) < 50_000:  # bounded: adversarial input must not grow it forever
        _cluster_cache[cl] = r
    return r


class _CharTable(dict):
    """ord(c) -> `pick(c)` for str.translate, filled on first use (bounded like _cluster_cache)."""

    def __init__(self, pick: Callable[[str], str]) -> None:
        super().__init__()
        self._pick = pick

    def __missing__(self, code: int) -> str:
        value = self._pick(chr(code))
        if len(self) < 50_000:
            self[code] = value
        return value


# Half-width katakana voiced-sound marks: NFKC makes them combining marks, so they belong to the
# kana before them ("ﾄﾞ" is "ド", as in "ﾇｰﾄﾞ").
_HALFWIDTH_VOICING = frozenset("\uff9e\uff9f")


def _attaches(c: str) -> bool:
    """A char that joins the cluster of the char before it: a combining mark or a half-width
    voiced-sound mark."""
    return unicodedata.combining(c) != 0 or c in _HALFWIDTH_VOICING


def _char_kind(c: str) -> str:
    """"2" for a combining mark, "1" for a char that a cluster of its own would not map to one
    char (an invisible one, "ß" -> "ss") or that starts loose Hangul jamo, "0" otherwise."""
    if _attaches(c):
        return "2"
    return "1" if _is_jamo(c) or len(_map_cluster(c)[0]) != 1 else "0"


# What a char maps to as a cluster of its own, accents kept and stripped, and its kind: runs of
# "0" chars (a cluster each) are mapped with str.translate, all at once.
_ACCENTED_CHAR = _CharTable(lambda c: _map_cluster(c)[0])
_STRIPPED_CHAR = _CharTable(lambda c: _map_cluster(c)[1])
_CHAR_KIND = _CharTable(_char_kind)
_ONE_TO_ONE_RUN = re.compile("0+")


def _delete(views: list[str], src: list[int], keep: list[bool]) -> tuple[list[str], list[int]]:
    views = ["".join(compress(v, keep)) for v in views]
    return views, list(compress(src, keep))


def _drop(s: str, acc: str, src: list[int] | None, obf: list[int],
          keep: list[bool]) -> tuple[str, str, list[int], list[int]]:
    """Both views without the characters `keep` marks False, with the offset map and the
    disguised positions moved along."""
    if src is None:
        src = list(range(len(s)))
    obf = _remap(sorted(set(obf)), keep)
    (s, acc), src = _delete([s, acc], src, keep)
    return s, acc, src, obf


def _remap(positions: list[int], keep: list[bool]) -> list[int]:
    new_index = list(accumulate(keep, initial=0))  # new_index[p]: kept positions before p
    return [new_index[p] for p in positions if keep[p]]


# The last prompt normalised and its result. The gate runs several text detectors on the
# same prompt string one after another; each calls normalize(), and this one-entry cache
# lets them share the work. A tuple is swapped in whole, so threads see a consistent pair.
_last: tuple[str, "Normalized"] | None = None


def normalize(text: str) -> Normalized:
    global _last
    last = _last
    if last is not None and last[0] is text:
        return last[1]
    result = _normalize(text)
    _last = (text, result)
    return result


def _normalize(text: str, lookalikes: bool = True) -> Normalized:
    obf: list[int] = []
    if text.isascii():
        s = text.lower()
        if not s.isprintable():
            s = "".join(c if c.isprintable() else " " for c in s)
        acc = s
        src: list[int] | None = None
    else:
        # Cluster = a base char and the combining marks that follow it, so that NFKC can
        # compose "e" + U+0301 into one char whose offsets span both.
        a_parts: list[str] = []
        s_parts: list[str] = []
        src = []
        i, n = 0, len(text)
        kinds = text.translate(_CHAR_KIND)
        while i < n:
            if kinds[i] == "0":
                # A run of chars that each map to one char, at once, but for a last one that
                # combining marks follow: it makes a cluster with them.
                j = _ONE_TO_ONE_RUN.match(kinds, i).end()  # type: ignore[union-attr]
                if j < n and kinds[j] == "2":
                    j -= 1
                if j > i:
                    run = text[i:j]
                    a_parts.append(run.translate(_ACCENTED_CHAR))
                    s_parts.append(run.translate(_STRIPPED_CHAR))
                    src.extend(range(i, j))
                    i = j
                    continue
            if _is_jamo(text[i]):
                syllable = _hangul_syllable(text, i)
                if syllable is not None:
                    a_parts.append(syllable[0])
                    s_parts.append(syllable[0])
                    src.append(i)
                    obf.append(len(src) - 1)
                    i = syllable[1]
                    continue
            j = i + 1
            while j < n and _attaches(text[j]) and j - i < 16:
                j += 1
            a, st = _map_cluster(text[i:j])
            if a:
                a_parts.append(a)
                s_parts.append(st)
                src.extend([i] * len(a))
            elif text[i] in _INVISIBLE or unicodedata.category(text[i]) == "Cf":
                if src:  # mark the char before the gap as obfuscated
                    obf.append(len(src) - 1)
            i = j
        acc = "".join(a_parts)
        s = "".join(s_parts)
        # Look-alike letters, only inside words that are mixed-script or all look-alikes.
        if lookalikes and (_CONF_CAND.search(s) or _MIXED_SCRIPT.search(s)):
            # In genuine Cyrillic/Greek text (it has letters with no Latin look-alike) only
            # mixed-script words are disguises; elsewhere all-look-alike words are too.
            native = _NATIVE_LETTER.search(s) is not None
            s_l, a_l = list(s), list(acc)
            for m in _WORD.finditer(s):
                w = m.group()
                has_latin = _LATIN_LETTER.search(w) is not None
                if native and not has_latin:
                    continue  # native text: a word without Latin letters is no disguise
                mapped = w.translate(_CONFUSABLE_TABLE)
                home_table = _LOOKALIKE_SCRIPTS.get(_native_script(w)) if has_latin else None
                if mapped == w and (home_table is None or 2 * len(_LATIN_LETTER.findall(w)) >= len(w)):
                    continue  # nothing to map, or a Latin word with one odd letter ("тaylor")
                if home_table is not None:
                    # A Cyrillic or Greek word with Latin look-alikes slipped in ("pаздeнь"):
                    # the disguise is the Latin letters, so they go to the word's own script.
                    table = home_table
                elif (mapped.isascii() and not native) or has_latin:
                    table = _CONFUSABLE
                else:
                    continue
                for k in range(m.start(), m.end()):
                    c = s_l[k]
                    if c in table:
                        s_l[k] = a_l[k] = table[c]
                        obf.append(k)
            s, acc = "".join(s_l), "".join(a_l)

    # One "." for each looser separator between single letters: "n - u - d - e" -> "n.u.d.e".
    if (_LOOSE_ANY_ASCII if s.isascii() else _LOOSE_ANY).search(s):
        s, acc, src, obf = _tighten_separators(s, acc, src, obf)

    # Join spaced-out letters: "n u d e" -> "nude" (at least two letters in the run).
    if (_SPACED_ANY_ASCII if s.isascii() else _SPACED_ANY).search(s):
        keep = [True] * len(s)
        hit = False
        for m in _led_finditer(_SPACED, _SPACED_LEAD, s):
            run = m.group()
            if sum(c.isalpha() for c in run[::2]) < 2:
                continue
            if len(run) < 2 * HANGUL_SPACED_MIN - 1 and run[1::2].strip(" ") == "" \
                    and _HANGUL_ONLY.fullmatch(run[::2]):
                continue  # "옷 안 입은": Korean words of one syllable, not spaced-out letters
            hit = True
            # "r.e.m.o.v.e h.e.r": when letters are joined by another mark, a space still
            # separates words.
            spaces_break = run[1::2].strip(" ") != ""
            for k in range(m.start() + 1, m.end(), 2):
                if not (spaces_break and s[k] == " "):
                    keep[k] = False
            obf.extend(range(m.start(), m.end()))
        if hit:
            # A word of two letters is spaced out too where words are set apart by two spaces
            # ("k l ä  a v  henne") or every spaced-out word ends in its mark ("t_a_ a_v_ h_e_n_n_e_s")
            for rx in (_SPACED_PAIR, _TRAILED_PAIR) if "  " in s else (_TRAILED_PAIR,):
                for m in rx.finditer(s):
                    keep[m.start() + 1] = False
                    obf.extend(range(m.start(), m.end()))
            s, acc, src, obf = _drop(s, acc, src, obf, keep)

    # A word cut into syllables by hyphens reads joined: "dé-sha-bil-le" -> "déshabille".
    if "-" in s and _SYLLABLE_ANY.search(s) and _SYLLABLE_CHAIN.search(s):
        keep = [True] * len(s)
        for m in _SYLLABLE_CHAIN.finditer(s):
            for k in range(m.start(), m.end()):
                if s[k] == "-":
                    keep[k] = False
            obf.extend(range(m.start(), m.end()))
        s, acc, src, obf = _drop(s, acc, src, obf, keep)

    # Thai read without the spaces inside its phrases.
    if not s.isascii() and _THAI_SPACE.search(s):
        keep = [True] * len(s)
        for m in _THAI_SPACE.finditer(s):
            keep[m.start()] = False
        s, acc, src, obf = _drop(s, acc, src, obf, keep)

    # Devanagari, Bengali and Thai words split by marks read joined ("ন্যা-ং-টা" -> "ন্যাংটা").
    if not s.isascii() and _SPLIT_SCRIPT.search(s):
        keep = [True] * len(s)
        for m in _SPLIT_SCRIPT.finditer(s):
            keep[m.start()] = False
            obf.extend((m.start() - 1, m.end()))
        s, acc, src, obf = _drop(s, acc, src, obf, keep)

    # Squash letter runs of 3+ to 2: "nuuuude" -> "nuude" (the detector retries with 1). Arabic
    # script never writes a letter three times, and its terms are matched as substrings, with no
    # retry: there a run goes to 1 ("عااااارية" -> "عارية").
    if (_ELONG_ANY_ASCII if s.isascii() else _ELONG_ANY).search(s):
        keep = [True] * len(s)
        for m in _ELONG.finditer(s):
            for k in range(m.start() + (1 if _ARABIC_LETTER.match(m.group()) else 2), m.end()):
                keep[k] = False
            obf.extend(range(m.start(), m.start() + 2))
        s, acc, src, obf = _drop(s, acc, src, obf, keep)

    digits = s
    # Leetspeak, 1:1 so the offset map is shared.
    if (_LEET_ANY_ASCII if s.isascii() else _LEET_ANY).search(s):
        s_l = list(s)
        decoded: list[tuple[int, int]] = []  # spans of the words read as leet
        for m in _LEET_WORD.finditer(s):
            w = m.group()
            if w.isalpha():
                continue
            if w.endswith("!") and w[:-1].isalpha():
                continue  # "wow!": an exclamation mark, not an i
            _decode_leet(s_l, m.start(), w, obf)
            decoded.append(m.span())
        # A word that starts with leet digits or ends with more than one ("4us", "74m4men",
        # "l1ng3r13") is leet too in a prompt disguised elsewhere, or when a leet digit sits
        # between its letters, except the usual prompt tokens that start with a number ("1girl",
        # "3d", "8th", "15yo").
        mixed = [m for m in _MIXED_LEET_WORD.finditer(s) if not m.group().isalpha()
                 and m.group().lstrip("013457") not in _NUMBER_PREFIXED
                 and not any(m.start() < y and x < m.end() for x, y in decoded)]
        if decoded or any(_INNER_LEET.search(m.group()) for m in mixed):
            for m in mixed:
                _decode_leet(s_l, m.start(), m.group(), obf)
            s = "".join(s_l)
            for m in _LONE_LEET.finditer(s):
                s_l[m.start()] = _LEET[m.group()]
                obf.append(m.start())
            s = "".join(s_l)
    # Cyrillic chat writes "я" as 9 and "б" as 6 ("розд9гни"): only between two Cyrillic letters.
    if not s.isascii() and ("9" in s or "6" in s) and _CYRILLIC_DIGIT.search(s):
        s_l = list(s)
        for m in _CYRILLIC_DIGIT.finditer(s):
            s_l[m.start()] = _CYRILLIC_LEET[m.group()]
            obf.append(m.start())
        s = "".join(s_l)

    return Normalized(
        original=text,
        text=s,
        digits=digits,
        accented=acc,
        src=None if src is None else tuple(src),
        obf=tuple(sorted(set(obf))),
    )


def _led_finditer(pattern: re.Pattern[str], lead: re.Pattern[str], s: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(s)`, for a pattern whose matches start one character before a match of
    `lead` (which takes one character): tried only there. Lookbehinds still see the whole text."""
    after = 0
    for q in lead.finditer(s, 1):
        p = q.start() - 1
        if p >= after and (m := pattern.match(s, p)) is not None:
            yield m
            after = m.end()


def _tighten_separators(s: str, acc: str, src: list[int] | None,
                        obf: list[int]) -> tuple[str, str, list[int] | None, list[int]]:
    """Each separator of a _LOOSE_SPACED run that is not one plain separator char becomes one
    ".": its first char is read as "." and the rest of it is dropped. Where the run also has
    that mark alone, the mark repeated is the word's own hyphen: a space ("o-n-e---p-i-e-c-e"),
    unless an invisible char was dropped there ("т-о-\u200c-л-с-т-о-в-к-у": the mark is doubled
    only by the gap it left)."""
    keep = [True] * len(s)
    s_l, a_l = list(s), list(acc)
    gaps = set(obf)  # so far, the chars before a dropped invisible char, among others
    changed = False
    for m in _led_finditer(_LOOSE_SPACED, _LOOSE_LEAD, s):
        units = list(_LOOSE_UNIT.finditer(s, m.start() + 1, m.end()))
        singles = {u.group() for u in units if len(u.group()) == 1}  # the marks that stand alone
        units = [u for u in units if len(u.group()) > 1 or u.group() in "+|" or _LOOSE_EMOJI_RE.match(u.group())]
        if not units:
            continue  # "n.u.d.e": the join below reads it as it is
        changed = True
        for u in units:
            a, b = u.span()
            hyphen = b - a > 1 and s[a] in singles and u.group() == s[a] * (b - a) and a not in gaps
            s_l[a] = a_l[a] = " " if hyphen else "."
            for k in range(a + 1, b):
                keep[k] = False
        obf.extend(range(m.start(), m.end()))
    if not changed:
        return s, acc, src, obf
    return _drop("".join(s_l), "".join(a_l), src, obf, keep)


def _decode_leet(chars: list[str], start: int, word: str, obf: list[int]) -> None:
    """Read the leet characters of `word` (at `start` in `chars`) as letters, in place."""
    # Inside a Cyrillic, Greek, Arabic-script or Hebrew word ("р@зд3нь", "بیک1نی") the digit
    # stands for that script's letter.
    to_script = _TO_SCRIPT.get(_native_script(word), {})
    for k, c in enumerate(word, start):
        if c in _LEET:
            latin = _LEET[c]
            chars[k] = to_script.get(latin, latin)
            obf.append(k)


def fold_letters(pattern: str) -> str:
    """A pattern written by hand over normalised text (a regex), with its Arabic-script letter
    variants folded the way prompts are."""
    return pattern.translate(_LETTER_FOLD)


def squash_all(word: str) -> str:
    """Collapse every doubled letter: used to retry elongated words ("nuude" -> "nude")."""
    out = []
    prev = ""
    for c in word:
        if c != prev:
            out.append(c)
        prev = c
    return "".join(out)


def normalize_lexicon(entry: str) -> Normalized:
    """Normalise a lexicon entry the way prompts are normalised, except that its letters are
    taken as written: a Greek or Russian word made only of letters that look Latin ("ρουχα",
    "сосок") is a genuine word, not a disguise, and must stay in its script."""
    return _normalize(entry, lookalikes=False)


def normalize_term(term: str) -> str:
    """Normalise a lexicon term the way prompts are normalised (no obfuscation steps)."""
    return normalize_lexicon(term).digits
