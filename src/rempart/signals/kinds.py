"""Signal kinds: the vocabulary shared by detectors and policies.

A policy that names a kind not listed here is rejected at load time.
"""

# Text intent (prompt)
TEXT_UNDRESS = "text.undress"  # remove / reduce clothing, see-through, x-ray
TEXT_SWIMWEAR = "text.swimwear"  # swap to bikini / swimsuit
TEXT_UNDERWEAR = "text.underwear"  # swap to underwear / lingerie
TEXT_NUDITY = "text.nudity"  # nude, naked
TEXT_SEXUAL = "text.sexual"  # sexual act or pose
TEXT_SUGGESTIVE = "text.suggestive"  # implicit sexualisation: nude-prone art, glamour, body focus, intimate setting
TEXT_MINOR = "text.minor"  # child, teen, age under 18
TEXT_REAL_PERSON = "text.real_person"  # a named real person
TEXT_NAMED_INDIVIDUAL = "text.named_individual"  # a lone given name ("Anna"): a specific person, maybe a private one
TEXT_INJECTION = "text.injection"  # a wrapper that tries to switch the rules off ("ignore previous instructions")
TEXT_REAL_TARGET = "text.real_target"  # the request is about a real, identifiable person (relation, photo, edit subject)
TEXT_FICTIONAL_TARGET = "text.fictional_target"  # the text says the person is invented (fictional, anime, OC)

# Image content
IMAGE_FACE = "image.face"  # a face: a real, identifiable person may be present
IMAGE_EXPOSED = "image.exposed"  # exposed intimate body parts (explicit nudity)
IMAGE_COVERED_INTIMATE = "image.covered_intimate"  # covered intimate parts: swimwear, underwear, suggestive
IMAGE_SUGGESTIVE = "image.suggestive"  # racy, not explicit (open_nsfw band, swimwear/underwear it finds racy)
IMAGE_MINOR = "image.minor"  # a person who may be a minor
IMAGE_AI_GENERATED = "image.ai_generated"  # provenance (C2PA, XMP, generator metadata) says AI-made
IMAGE_RENDERED = "image.rendered"  # looks like a drawing or render rather than a photograph

# Edit comparison (output against input)
OUTPUT_CLOTHING_REDUCTION = "output.clothing_reduction"  # less clothed after the edit
OUTPUT_NEWLY_EXPOSED = "output.newly_exposed"  # exposed parts that were not exposed before

# Hash banks
HASH_MATCH = "hash.match"  # matched a bank of known abusive images
HASH_ALLOWLISTED = "hash.allowlisted"  # matched an allow-list bank (known false positive): block matches cancelled

# Failures: always fail closed
DETECTOR_ERROR = "detector.error"  # a detector raised or timed out
INPUT_INVALID = "input.invalid"  # an input could not be screened (bad image, bad text)

ALL_KINDS = frozenset(
    v for k, v in dict(globals()).items() if k.isupper() and isinstance(v, str) and "." in v
)

SEXUAL_TEXT_KINDS = (TEXT_UNDRESS, TEXT_SWIMWEAR, TEXT_UNDERWEAR, TEXT_NUDITY, TEXT_SEXUAL)
