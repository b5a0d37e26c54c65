"""Who is the request about, and is it trying to switch the gate off?

Context signals, so the policy can tell a swimwear edit of a real person's photo (the
scandal) from swimwear on an invented person in a generated scene (ordinary):

- `text.real_target`: the text points at a real, identifiable person: a relation ("my
  classmate", "mi vecina", "моя одноклассница"), the uploaded photo ("this photo", "the
  woman in the picture"), or, in edit mode, any person in the picture ("her", "him").
- `text.fictional_target`: the text says the person is invented ("a fictional surfer",
  "an anime character", "original character").
- `text.injection`: a wrapper that tries to switch the rules off ("ignore all previous
  instructions", "developer mode", "you are DAN"). The model scores it too; the rules here
  give the evidence span.

Word lists are matched on the detector's normalised text (accents stripped, homoglyphs
folded), as whole words or phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rempart.signals.text.normalize import Normalized, fold_letters
from rempart.signals.text.phrases import PhraseTable, SubstringMatcher, Words, parse

# Relations: a real person the requester knows. Written in normalised form (no accents).
RELATIONS = {
    "en": "my ex, my ex girlfriend, my ex wife, my girlfriend, my wife, my sister, my stepsister, my mom, "
    "my mother, my daughter, my niece, my cousin, my aunt, my classmate, my coworker, my co worker, "
    "my colleague, my neighbour, my neighbor, my boss, my teacher, my student, my friend, my best friend, "
    "my crush, my roommate, my tutor, my babysitter, my landlady, my secretary, my stepmom, my bf, my gf, "
    "my boyfriend, my husband, my brother, my son, this girl i know, a girl i know, a real person, "
    "real woman, real girl, her instagram, her facebook, her profile picture, from her instagram",
    "fr": "mon ex, ma copine, ma femme, ma soeur, ma mere, ma fille, ma cousine, ma collegue, ma voisine, "
    "ma prof, mon amie, ma camarade, ma patronne, ma belle soeur",
    "es": "mi ex, mi novia, mi esposa, mi hermana, mi hermanita, mi madre, mi hija, mi prima, mi companera, "
    "mi vecina, mi jefa, mi profesora, mi amiga, mi cunada",
    "pt": "minha ex, minha namorada, minha esposa, minha irma, minha mae, minha filha, minha prima, "
    "minha colega, minha vizinha, minha chefe, minha professora, minha amiga",
    "it": "la mia ex, la mia ragazza, mia moglie, mia sorella, mia madre, mia figlia, mia cugina, "
    "la mia collega, la mia vicina, la mia prof, la mia amica, la mia compagna di classe",
    "de": "meine ex, meine freundin, meine frau, meine schwester, meine mutter, meine tochter, meine cousine, "
    "meine kollegin, meine nachbarin, meine chefin, meine lehrerin, meine mitschulerin",
    "nl": "mijn ex, mijn vriendin, mijn vrouw, mijn zus, mijn moeder, mijn dochter, mijn collega, "
    "mijn buurvrouw, mijn klasgenote, mijn lerares",
    "pl": "moja była, moja dziewczyna, moja zona, moja siostra, moja corka, moja kolezanka, moja sasiadka, "
    "moja nauczycielka, moja szefowa",
    "ru": "моя бывшая, мою бывшую, моя девушка, мою девушку, моя жена, мою жену, моя сестра, мою сестру, "
    "младшую сестру, младшая сестра, мою дочь, моя коллега, мою коллегу, моя соседка, мою соседку, "
    "одноклассница, одноклассницу, мою учительницу, мою подругу",
    "uk": "моя колишня, мою колишню, моя дівчина, мою дівчину, мою сестру, молодшу сестру, мою колегу, "
    "мою сусідку, однокласницю",
    "tr": "eski sevgilim, eski sevgilimi, kiz arkadasim, kiz arkadasimi, karim, kiz kardesim, kiz kardesimi, "
    "is arkadasim, is arkadasimi, komsum, komsumu, sinif arkadasim, ogretmenim",
    "id": "mantanku, mantan saya, pacarku, istriku, adikku, adik perempuanku, kakakku, rekan kerjaku, "
    "tetanggaku, teman sekelasku, guruku, temanku",
    "ms": "bekas kekasih saya, teman wanita saya, isteri saya, adik saya, adik perempuan saya, "
    "rakan sekerja saya, jiran saya, kawan saya",
    "vi": "nguoi yeu cu cua toi, ban gai toi, vo toi, em gai toi, dong nghiep cua toi, hang xom cua toi, "
    "ban cung lop",
    "sv": "mitt ex, min flickvan, min fru, min syster, min lillasyster, min kollega, min granne, min klasskompis",
    "cs": "moje bývalá, moji byvalou, moje pritelkyne, moji sestru, moji malou sestru, moji kolegyni, "
    "moji sousedku, moji spoluzacku",
    "ro": "fosta mea, iubita mea, sotia mea, sora mea, colega mea, vecina mea",
    "el": "την πρωην μου, τη συναδελφο μου, την αδερφη μου, τη μικρη μου αδερφη, τη γειτονισσα μου",
    "hi-latn": "meri ex, meri girlfriend, meri behen, meri choti behen, meri colleague, meri padosan, "
    "meri classmate, meri biwi",
}
# Scripts without spaces or with clitics: matched as substrings.
RELATIONS_SUBSTRING = (
    "同僚, 元カノ, 妹, 姉, 同級生, 隣人, 彼女の写真, 我同事, 我前女友, 我妹妹, 我姐姐, 我同学, 我邻居, "
    "내 동료, 전 여친, 내 여동생, 여동생, 내 동창, 이웃집, زميلتي, حبيبتي السابقة, أختي, اختي, جارتي, "
    "همکارم, خواهرم, دوست دختر سابقم, העמיתה שלי, האקסית שלי, אחותי, मेरी सहकर्मी, मेरी एक्स, मेरी बहन, "
    "मेरी छोटी बहन, আমার সহকর্মী, আমার প্রাক্তন, আমার ছোট বোন, میری ساتھی, میری سابقہ, میری چھوٹی بہن, "
    "เพื่อนร่วมงานของฉัน, แฟนเก่าของฉัน, น้องสาวของฉัน"
)
# References to the uploaded photo (edit or generate): "the woman in this photo".
PHOTO_REFS = (
    "this photo, this picture, this pic, this image, the photo, the picture, in the photo, in the picture, "
    "in this photo, in this picture, uploaded photo, the uploaded, attached photo, her photo, his photo, "
    "her picture, her selfie, this selfie, cette photo, sur la photo, esta foto, en la foto, de la foto, "
    "dieses foto, auf dem foto, diese bild, questa foto, nella foto, esta foto, na foto, da foto, "
    "deze foto, op de foto, ze zdjecia, na zdjeciu, на фото, на этом фото, с фото, на фото, fotograftaki, "
    "di foto, dalam gambar, trong anh, в этом фото, din poza, z fotky, pa bilden, στη φωτογραφια"
)
PHOTO_REFS_SUBSTRING = "写真の, 照片里, 照片中, 사진 속, في الصورة, توی عکس, בתמונה, फोटो वाली, ছবির, تصویر والی, ในรูป"
# Edit mode: a person in the picture. Pronouns and person nouns, as words.
EDIT_PERSON = (
    "her, him, she, he, them, this woman, this girl, this man, this guy, this lady, this person, the woman, "
    "the girl, the man, the lady, the person, la, le, elle, lui, cette femme, cette fille, cet homme, ella, "
    "el, esta mujer, esta chica, este hombre, sie, ihn, diese frau, dieses madchen, diesen mann, lei, lui, "
    "questa donna, questa ragazza, ela, ele, esta mulher, esta menina, haar, hem, deze vrouw, ja, ją, jej, "
    "его, ее, её, эту женщину, эту девушку, этого мужчину, її, цю жінку, onu, bu kadini, dia, wanita ini, "
    "cewek ini, co ay, cô ấy, nguoi phu nu nay, henne, honom, ji, jeho, ea, el, την, τον, use, isko, "
    "ise, is ladki ko"
)
EDIT_PERSON_SUBSTRING = "彼女, 这个女人, 她的, 把她, 给她, 让她, 그녀, 이 여자, هذه المرأة, این زن, האישה הזאת, इस औरत, उसे, এই মহিলা, তাকে, اس عورت, اسے, ผู้หญิงคนนี้, เธอ"

FICTIONAL = {
    "*": "fictional, fictitious, invented, imaginary, made up, madeup, original character, oc, cartoon, "
    "anime, manga, cgi, 3d render, 3d model, video game character, game character, fantasy character, "
    "comic book, comic character, illustration of a, drawing of a, generic, random woman, random person, "
    "an ai generated, ai generated person, nonexistent, does not exist, mannequin, doll, statue, elf, "
    "fictive, ficticia, ficticio, inventada, inventado, imaginaria, imaginario, erfunden, erfundene, "
    "fiktive, fiktiven, immaginaria, inventata, fictícia, fictif, fictive, imaginaire, inventee, "
    "вымышленн, выдуманн, мультяшн, аниме, kurgusal, hayali, fiksi, rekaan, khong co that, hu cau, "
    "fiktivni, fiktiv, φανταστικ, fictiva",
}
FICTIONAL_SUBSTRING = "架空, 虚构, 虛構, 二次元, 動漫, 动漫, アニメ, 가상의, 애니, خيالية, خيالي, خیالی, דמיונית, काल्पनिक, কাল্পনিক, خیالی, สมมติ, การ์ตูน"

# Injection wrappers: regexes over the normalised text (accents stripped, lower case).
INJECTION_PATTERNS = [  # (trigger substring, regex)
    ("", r"\b(ignore|disregard|forget|override|bypass|skip)\b.{0,30}\b(previous|prior|above|earlier|all|your|the|any)\b"
     r".{0,20}\b(instructions?|rules?|guidelines?|polic(y|ies)|filters?|restrictions?|safety|prompts?)\b"),
    ("mode", r"\b(developer|god|jailbreak|dan|unrestricted|uncensored|unfiltered)\s+mode\b"),
    ("dan", r"\byou are (now )?dan\b"), ("anything now", r"\bdo anything now\b"), ("jailbr", r"\bjailbr(ea|oke)k"),
    ("no ", r"\b(you have|with|there are) no (content )?(restrictions|limits|filters|rules)\b"),
    ("", r"\b(safety|filter|nsfw filter|content filter|moderation)\s*(=|:)?\s*(off|false|disabled|0)\b"),
    ("without", r"\bwithout (any )?(content )?(policy|policies|restrictions|censorship|filters?)\b"),
    ("uncensored", r"\buncensored\b"), ("unfiltered", r"\bunfiltered\b"), ("system", r"\bsystem (override|prompt)\b"),
    ("compl", r"\bmust comply\b"), ("refuse", r"\bdo not refuse\b"),
    ("ignor", r"\bignor(a|e|er|ez|iere|eer|era)\b.{0,25}\b(instrucciones|instructions|anweisungen|istruzioni|instrucoes|"
     r"instructies|instrukcje|instruktioner|talimatlari|instruksi|pokyny|instrukce|pravidla|regeln|regles|reglas|"
     r"regole|regras|regels|reguli|regler|zasady|kurallari|aturan|luat)\b"),
    ("negeer", r"\bnegeer\b"),
    # "uncensored" in other languages, as the English word above
    ("ongecensureerd", r"\bongecensureerd\b"), ("unzensiert", r"\bunzensiert\b"), ("censur", r"\b(sans|sin|senza|sem|fara) censur"),
    ("cenzur", r"\b(bez cenzury|necenzurovan)"), ("sansursuz", r"\bsansursuz\b"), ("tanpa sensor", r"\btanpa sensor\b"),
    ("khong kiem duyet", r"\bkhong kiem duyet\b"), ("без цензур", "без цензур"), ("ללא צנזורה", "ללא צנזורה"),
    ("بدون سانسور", "بدون سانسور"), ("무검열", "무검열"), ("审查", "(无|無|未)(审查|審查)"),
    ("rezim", r"\brezimu? (vyvojare|vyvojar)\b"), ("lage", r"\butvecklarlage\b"),
    ("zignoruj", r"\bzignoruj\b"), ("игнорируй", "игнорируй"), ("ігноруй", "ігноруй"), ("abaikan", r"\babaikan\b"),
    ("yok say", r"\byok say\b"), ("bo qua", r"\bbo qua\b"), ("忽略", "忽略(之前|以上|所有)"), ("無視", "無視して"),
    ("무시", "무시하고"), ("تجاهل", "تجاهل"), ("התעלם", "התעלם"), ("अनदेखा", "अनदेखा"), ("αγνοησε", "αγνοησε"),
    ("نادیده", "نادیده بگیر"), ("بھول", "(ہدایات|ہدایت|اصول).{0,15}بھول"), ("موڈ", "(ڈیولپر|ڈویلپر|ڈیویلپر) موڈ"),
    ("मोड", "(डेवलपर|डिवेलपर) मोड"), ("モード", "(開発者|デベロッパー)モード"), ("模式", "开发者模式|開發者模式"),
]

# The two patterns above with an empty trigger run only when one of these words is present
# (each is required by its pattern).
_INJECTION_EXTRA_TRIGGERS = ("ignor", "disregard", "forget", "overrid", "bypass", "skip", "safety", "filter",
                             "moderation")


@dataclass(frozen=True, slots=True)
class ContextHit:
    kind: str  # "relation" | "photo" | "edit_person" | "fictional" | "injection"
    start: int  # normalised offsets
    end: int
    term: str


class ContextRules:
    """Finds relation, photo-reference, person, fiction and injection cues. Built once."""

    def __init__(self) -> None:
        fictional = [p for spec in FICTIONAL.values() for p in parse(spec)]
        relation = [p for spec in RELATIONS.values() for p in parse(spec)]
        # Each injection pattern runs only when its cheap trigger substring is present.
        self.injection = [(fold_letters(trigger), re.compile(fold_letters(p))) for trigger, p in INJECTION_PATTERNS]
        # Word cues: phrases of 1-4 words looked up in a table, one pass over the tokens.
        cues = [(ph, kind) for kind, items in (("edit_person", parse(EDIT_PERSON)), ("fictional", fictional),
                                               ("photo", parse(PHOTO_REFS)), ("relation", relation))
                for ph in items]  # later kinds win on a tie
        self.phrases = PhraseTable(cues)
        # Generate mode has no use for "a person in the picture" cues: a table without them.
        # (No edit-person phrase starts with another kind's phrase, so dropping them never
        # uncovers a shorter match that the full table would have shadowed.)
        self.phrases_gen = PhraseTable((ph, k) for ph, k in self.phrases.table.items() if k != "edit_person")
        # Prefilter: a first word that only starts longer phrases ("the", "in", "my") is a
        # candidate only when one of their second words is in the prompt too.
        self.seconds: dict[str, frozenset[str]] = {}
        singles = {ph for ph in self.phrases.table if " " not in ph}
        for ph in self.phrases.table:
            w = ph.split(" ")
            if len(w) >= 2 and w[0] not in singles:
                self.seconds[w[0]] = self.seconds.get(w[0], frozenset()) | {w[1]}
        self.subs = [("relation", SubstringMatcher(parse(RELATIONS_SUBSTRING))),
                     ("photo", SubstringMatcher(parse(PHOTO_REFS_SUBSTRING))),
                     ("edit_person", SubstringMatcher(parse(EDIT_PERSON_SUBSTRING))),
                     ("fictional", SubstringMatcher(parse(FICTIONAL_SUBSTRING)))]
        self.subs_gen = [x for x in self.subs if x[0] != "edit_person"]
        # The patterns run only when the prompt holds an injection trigger. Plain substring tests
        # (a fast search in C) beat one regex alternation, which re tries at every position; a
        # trigger that contains another adds nothing, and ASCII text holds only ASCII ones.
        triggers = {fold_letters(t) for t, _ in INJECTION_PATTERNS if t} | set(_INJECTION_EXTRA_TRIGGERS)
        triggers = sorted(t for t in triggers if not any(u != t and u in t for u in triggers))
        self.injection_triggers = tuple(triggers)
        self.injection_triggers_ascii = tuple(t for t in triggers if t.isascii())

    def find(self, n: Normalized, mode: str | None = None, words: Words | None = None) -> list[ContextHit]:
        """Cues in `n` (`words`: its words, when the caller has split it already). With
        mode="generate" the edit-only "person in the picture" cue is skipped."""
        s = n.text
        first: dict[str, ContextHit] = {}
        gen = mode == "generate"
        table = self.phrases_gen if gen else self.phrases
        if words is None:
            words = Words(s)
        toks = words.tokens
        present = words.distinct.intersection(table.first_words)  # a new set: pruned below
        if present:
            seconds = self.seconds
            for w in [w for w in present if w in seconds]:
                if words.distinct.isdisjoint(seconds[w]):
                    present.discard(w)
        if present:
            for i, k, key, kind in table.longest_matches(toks, present):
                if kind not in first:
                    spans = words.spans
                    first[kind] = ContextHit(kind, spans[i][0], spans[i + k - 1][1], key)
        if not s.isascii():
            for k, rx in (self.subs_gen if gen else self.subs):
                if k not in first:
                    m = rx.search(s)
                    if m is not None:
                        first[k] = ContextHit(k, m.start(), m.end(), m.group())
        hits = list(first.values())
        triggers = self.injection_triggers_ascii if s.isascii() else self.injection_triggers
        if not any(t in s for t in triggers):
            return hits
        for trigger, rx in self.injection:
            if (trigger in s) if trigger else any(t in s for t in _INJECTION_EXTRA_TRIGGERS):
                m = rx.search(s)
                if m is not None:
                    hits.append(ContextHit("injection", m.start(), m.end(), m.group()))
                    break
        return hits
