from rempart.signals.cache import ResultCache


def test_least_recently_used_leaves_first():
    c = ResultCache[int](2)
    c.put("a", 1)
    c.put("b", 2)
    assert c.get("a") == 1  # "a" is now the most recent
    c.put("c", 3)
    assert c.get("b") is None and c.get("a") == 1 and c.get("c") == 3


def test_size_zero_and_empty_keys_keep_nothing():
    c = ResultCache[int](0)
    c.put("a", 1)
    assert c.get("a") is None
    c = ResultCache[int](4)
    c.put("", 1)  # an image without a content hash is never cached
    assert c.get("") is None
