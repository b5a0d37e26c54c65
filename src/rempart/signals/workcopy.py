"""Downscaled working copies of a view, made once per picture and shared by the detectors.

Several detectors want the same small picture: the skin measures and the photo-or-render
statistics a ~256 px copy, dlib a grey one, open_nsfw and PDQ (which hashes at most 512 px)
the 512 px copy, the window planner and dlib the content box; open_nsfw and the
photo-or-render statistics the same Pillow-bilinear 256 px picture of the 512 px copy (for a
square photo). Each used to shrink the full-size view itself (a few milliseconds each at
1024 px, more on large photos). Here each copy is made once, from the next larger cached copy
(so a 256 px copy of a 4000 px photo costs a 512 px resize), and kept while the view's pixel
array is alive.

The cache is keyed by the array's identity and checked through a weak reference, so a
recycled id never returns another picture's copy; copies are read-only to every caller.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any, Callable

import cv2
import numpy as np
from PIL import Image

_CACHE_SIZE = 64  # entries: a dozen copies and measures for each of a few views in flight
_cache: OrderedDict[tuple[int, str], tuple[weakref.ref, Any]] = OrderedDict()
_lock = threading.Lock()


def _memo(pixels: Any, key: str, make: Callable[[], Any]) -> Any:
    k = (id(pixels), key)
    with _lock:
        hit = _cache.get(k)
        if hit is not None and hit[0]() is pixels:
            _cache.move_to_end(k)
            return hit[1]
    value = make()
    try:
        ref = weakref.ref(pixels)
    except TypeError:  # not weak-referenceable (should not happen for ndarrays): no caching
        return value
    with _lock:
        for dead in [key for key, (r, _) in _cache.items() if r() is None]:
            del _cache[dead]  # the picture is gone: free its copies now, not at eviction
        _cache[k] = (ref, value)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def _freeze(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)  # shared between detectors: nobody may change it in place
    return a


# Sizes of the copies kept; a request for another side shrinks from the nearest larger one.
_LADDER = (512, 256)


def shrunk(pixels: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """RGB copy with long side <= `side` (area-averaged) and the scale from the view to it.

    A view already small enough is returned as it is (scale 1.0)."""
    h, w = pixels.shape[:2]
    f = min(1.0, side / float(max(h, w)))
    if f >= 1.0:
        return pixels, 1.0

    def make() -> np.ndarray:
        src = pixels
        for rung in _LADDER:  # start from the smallest cached copy still larger than the target
            if rung > side and max(h, w) > rung:
                src = shrunk(pixels, rung)[0]
        size = (max(1, round(w * f)), max(1, round(h * f)))
        return _freeze(cv2.resize(np.ascontiguousarray(src), size, interpolation=cv2.INTER_AREA))

    small = _memo(pixels, f"rgb{side}", make)
    return small, small.shape[1] / float(w)


def grey(pixels: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """Grey (luma) copy with long side <= `side`, and the scale from the view to it."""
    small, scale = shrunk(pixels, side)
    return _memo(pixels, f"grey{side}", lambda: _freeze(cv2.cvtColor(np.ascontiguousarray(small), cv2.COLOR_RGB2GRAY))), scale


def pil_bilinear(pixels: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Pillow's bilinear resize of an RGB array to `size` (w, h), made once per array and size.

    open_nsfw's reference pre-processing and the photo-or-render weights were both set on
    Pillow's filter, so this is Pillow's, not OpenCV's; both callers shrink the shared 512 px
    copy to 256 x 256 for a square photo, and then share one result."""
    w, h = int(size[0]), int(size[1])

    def make() -> np.ndarray:
        img = Image.fromarray(np.ascontiguousarray(pixels)).resize((w, h), Image.Resampling.BILINEAR)
        return _freeze(np.asarray(img))

    return _memo(pixels, f"pil_bilinear{w}x{h}", make)


def memo(picture: object, key: str, make: Callable[[], Any]) -> Any:
    """Any other per-picture measure (the content box, the skin fraction, the hashes of a
    decoded image), computed once while `picture` (a view's array, or a DecodedImage) lives."""
    return _memo(picture, key, make)
