"""Window planning, mapping back from rotated windows, cross-window merging (pure functions)."""

from __future__ import annotations

import numpy as np
import pytest

from rempart.signals.image.tiling import (
    Unscreenable,
    Window,
    box_to_view,
    content_box,
    merge_boxes,
    plan_windows,
    rotation_windows,
    zoom_windows,
)


def test_small_photo_is_one_window():
    px = np.random.default_rng(0).integers(0, 255, (512, 512, 3), dtype=np.uint8)
    assert [w.kind for w in plan_windows(px)] == ["full"]


def test_content_crop_of_tiny_picture_in_canvas():
    px = np.full((3000, 3000, 3), 255, np.uint8)
    px[500:660, 2100:2260] = np.random.default_rng(1).integers(0, 200, (160, 160, 3))
    x, y, w, h = content_box(px)
    assert x <= 2100 and y <= 500 and x + w >= 2260 and y + h >= 660 and w < 200 and h < 200
    kinds_ = [w.kind for w in plan_windows(px)]
    assert kinds_[:2] == ["full", "content"]
    assert content_box(np.zeros((50, 50, 3), np.uint8)) is None


def test_strip_is_tiled_along_its_long_side_and_extreme_is_unscreenable():
    px = np.random.default_rng(2).integers(0, 255, (300, 4000, 3), dtype=np.uint8)
    wins = [w for w in plan_windows(px) if w.kind == "strip"]
    assert all(w.w == w.h == 300 for w in wins)
    covered = np.zeros(4000, bool)
    for w in wins:
        covered[w.x : w.x + w.w] = True
    assert covered.all()
    with pytest.raises(Unscreenable) as e:
        plan_windows(np.zeros((10, 16000, 3), np.uint8) + np.arange(16000, dtype=np.uint8)[None, :, None], max_windows=24)
    assert e.value.code == "IMAGE_UNSCREENABLE_SHAPE"


def test_large_photo_gets_a_bounded_grid():
    px = np.random.default_rng(3).integers(0, 255, (4000, 4000, 3), dtype=np.uint8)
    wins = plan_windows(px)
    grid = [w for w in wins if w.kind == "grid"]
    assert 4 <= len(grid) <= 16 and all(w.w <= 4000 for w in grid)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_box_from_rotated_window_maps_back(k):
    H, W = 200, 300
    img = np.zeros((H, W), np.uint8)
    img[40:60, 100:180] = 1  # the box x=100, y=40, w=80, h=20
    win = Window(0, 0, W, H, "rot", rot=k)
    rot = win.cut(img[..., None])[..., 0]
    ys, xs = np.nonzero(rot)
    bx, by, bw, bh = box_to_view(xs.min(), ys.min(), xs.max() - xs.min() + 1, ys.max() - ys.min() + 1, win)
    assert (bx, by, bw, bh) == pytest.approx((100, 40, 80, 20), abs=1)


def test_offset_window_maps_back():
    assert box_to_view(10, 20, 30, 40, Window(100, 200, 300, 300, "grid")) == (110, 220, 30, 40)


def test_merge_drops_duplicates_and_cut_halves():
    items = [
        ("FACE_FEMALE", 0.9, 100, 100, 50, 50),
        ("FACE_MALE", 0.6, 102, 101, 50, 50),  # same face, other class
        ("BELLY_EXPOSED", 0.5, 100, 100, 50, 50),  # other label: kept
        ("FACE_FEMALE", 0.7, 100, 100, 20, 50),  # a half, cut by a window edge
        ("FACE_FEMALE", 0.8, 400, 400, 50, 50),  # another face
    ]
    kept = merge_boxes(items, cut=[False, False, False, True, False])
    assert sorted(kept) == [0, 2, 4]


def test_zoom_only_for_small_people_and_rotations():
    full = [Window(0, 0, 3000, 3000, "full")]
    zooms = zoom_windows([(1000, 1000, 40, 40), (0, 0, 1500, 1500)], 3000, 3000, full)
    assert len(zooms) == 1 and zooms[0].w >= 320 and zooms[0].x <= 1000 <= zooms[0].x + zooms[0].w
    assert [w.rot for w in rotation_windows(10, 20)] == [1, 2, 3]


@pytest.mark.parametrize("shape", [(1024, 1024, 3), (1026, 2052, 3), (999, 1536, 3), (3000, 4000, 3), (800, 600, 3)])
def test_content_scan_samples_exactly_every_nth_pixel(shape):
    from rempart.signals.image.tiling import _every_nth_pixel

    px = np.random.default_rng(sum(shape)).integers(0, 255, shape, dtype=np.uint8)
    step = max(1, max(shape[:2]) // 512)
    out = _every_nth_pixel(px, step)
    assert out.flags.c_contiguous and np.array_equal(out, px[::step, ::step])
    crop = px[1:, 2:]  # not contiguous: the numpy path
    assert np.array_equal(_every_nth_pixel(crop, step), crop[::step, ::step])
