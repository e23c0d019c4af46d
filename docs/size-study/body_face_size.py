"""How small can the sample's body face (FandolFang) get in a PDF? A measurement, not part of the build.

Issue 4 asks for the sample's PDF to be at most 200 KB; everything but the body face's subset takes
about 120 KB, so FandolFang's subset would have to fit in about 80 KB. This script measures, for the
distinct characters of a text, FandolFang's CFF charstrings:
  1. as the font has them (what src/pdf/cff.rs embeds), raw and deflated;
  2. subroutinized by AFDKO's tx (the `cffsubr` package), i.e. the best lossless re-encoding;
  3. refitted (lossy): each outline's runs between corners refitted by cubic curves within a tolerance
     in font units (1 unit = 0.0056 mm at 16 pt), hints dropped, then deflated.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install fonttools cffsubr numpy
    /tmp/v/bin/python docs/size-study/body_face_size.py tests/data/issue-2020-04-245.txt

Measured 2026-11-24 (701 glyphs): as is 403 KB / 321 KB deflated; subroutinized 387 KB / 328 KB
deflated; refitted within 0.5 / 1 / 2 / 4 units: 302 / 285 / 257 / 226 KB deflated.
"""

import math
import sys
import zlib

import numpy as np
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont


def bez(p, t):
    t = t[:, None]
    mt = 1 - t
    return mt**3 * p[0] + 3 * mt**2 * t * p[1] + 3 * mt * t**2 * p[2] + t**3 * p[3]


def contours(rec):
    out = []
    cur = None
    start = None
    for op, args in rec.value:
        if op == "moveTo":
            cur = []
            start = np.array(args[0], float)
            last = start
        elif op == "lineTo":
            p = np.array(args[0], float)
            cur.append(("L", [last, p]))
            last = p
        elif op == "curveTo":
            pts = [np.array(a, float) for a in args]
            cur.append(("C", [last] + pts))
            last = pts[-1]
        elif op in ("closePath", "endPath"):
            if np.linalg.norm(last - start) > 1e-9:
                cur.append(("L", [last, start]))
            out.append(cur)
    return out


def tangent_in(seg):  # direction arriving at end
    p = seg[1]
    for q in reversed(p[:-1]):
        d = p[-1] - q
        if np.linalg.norm(d) > 1e-9:
            return d / np.linalg.norm(d)
    return np.zeros(2)


def tangent_out(seg):
    p = seg[1]
    for q in p[1:]:
        d = q - p[0]
        if np.linalg.norm(d) > 1e-9:
            return d / np.linalg.norm(d)
    return np.zeros(2)


def sample(chain, n=10):
    pts = [chain[0][1][0]]
    for kind, p in chain:
        ts = np.linspace(0, 1, n + 1)[1:]
        if kind == "L":
            pts.extend(p[0] + (p[1] - p[0]) * t for t in ts)
        else:
            pts.extend(bez(np.array(p), ts))
    return np.array(pts)


def chord_params(pts):
    d = np.r_[0, np.cumsum(np.linalg.norm(np.diff(pts, axis=0), axis=1))]
    return d / d[-1] if d[-1] > 0 else d


def fit_cubic(pts, t1, t2, u):
    p0, p3 = pts[0], pts[-1]
    b0 = (1 - u) ** 3
    b1 = 3 * u * (1 - u) ** 2
    b2 = 3 * u**2 * (1 - u)
    b3 = u**3
    A1 = b1[:, None] * t1
    A2 = b2[:, None] * t2
    C = np.array(
        [[np.sum(A1 * A1), np.sum(A1 * A2)], [np.sum(A1 * A2), np.sum(A2 * A2)]]
    )
    X = pts - (b0 + b1)[:, None] * p0 - (b2 + b3)[:, None] * p3
    rhs = np.array([np.sum(A1 * X), np.sum(A2 * X)])
    seg = np.linalg.norm(p3 - p0)
    try:
        a1, a2 = np.linalg.solve(C, rhs)
    except np.linalg.LinAlgError:
        a1 = a2 = seg / 3
    if a1 < 1e-6 * seg or a2 < 1e-6 * seg:
        a1 = a2 = seg / 3
    return np.array([p0, p0 + a1 * t1, p3 + a2 * t2, p3])


def max_err(c, pts):
    # distance from each sample to the densely sampled fitted curve
    dense = bez(c, np.linspace(0, 1, 200))
    d = np.min(np.linalg.norm(pts[:, None, :] - dense[None, :, :], axis=2), axis=1)
    return d.max()


def fit_chain(chain, tol):
    """Fit a chain of segments between corners; returns list of segments."""
    if len(chain) == 1:
        return chain
    if all(k == "L" for k, _ in chain):
        # polyline: Douglas-Peucker on vertices
        pts = [chain[0][1][0]] + [p[1] for _, p in chain]
        keep = dp(np.array(pts), tol)
        return [("L", [keep[i], keep[i + 1]]) for i in range(len(keep) - 1)]
    pts = sample(chain)
    t1 = tangent_out(chain[0])
    t2 = -tangent_in(chain[-1])
    c = fit_cubic(pts, t1, t2, chord_params(pts))
    if max_err(c, pts) <= tol:
        return [("C", list(c))]
    k = len(chain) // 2
    return fit_chain(chain[:k], tol) + fit_chain(chain[k:], tol)


def dp(pts, tol):
    if len(pts) <= 2:
        return list(pts)
    a, b = pts[0], pts[-1]
    ab = b - a
    L = np.linalg.norm(ab)
    if L < 1e-9:
        d = np.linalg.norm(pts - a, axis=1)
    else:
        d = np.abs(ab[0] * (pts[:, 1] - a[1]) - ab[1] * (pts[:, 0] - a[0])) / L
    i = int(np.argmax(d[1:-1])) + 1
    if d[i] <= tol:
        return [a, b]
    return dp(pts[: i + 1], tol)[:-1] + dp(pts[i:], tol)


def simplify(rec, tol, angle=25):
    cos_lim = math.cos(math.radians(angle))
    res = []
    for c in contours(rec):
        # corners: joints where tangent turns more than angle
        n = len(c)
        corner = []
        for i in range(n):
            a = tangent_in(c[i - 1])
            b = tangent_out(c[i])
            corner.append(np.dot(a, b) < cos_lim)
        # degenerate lines (too short) -> treat as smooth
        if not any(corner):
            corner[0] = True
        start = corner.index(True)
        order = c[start:] + c[:start]
        cflags = corner[start:] + corner[:start]
        chains = []
        cur = []
        for seg, f in zip(order, cflags):
            if f and cur:
                chains.append(cur)
                cur = []
            cur.append(seg)
        chains.append(cur)
        out = []
        for ch in chains:
            out.extend(fit_chain(ch, tol))
        res.append(out)
    return res


def encode(cs_contours, width):
    pen = T2CharStringPen(width, None)
    for c in cs_contours:
        pen.moveTo(tuple(np.round(c[0][1][0])))
        for k, p in c:
            if k == "L":
                pen.lineTo(tuple(np.round(p[1])))
            else:
                pen.curveTo(*[tuple(np.round(q)) for q in p[1:]])
        pen.closePath()
    cs = pen.getCharString()
    cs.compile()
    return cs.bytecode


def lossless(path, text):
    import io

    import cffsubr
    from fontTools import subset

    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = []
    font = TTFont(path)
    sub = subset.Subsetter(opts)
    sub.populate(text=text)
    sub.subset(font)
    plain = font.getTableData("CFF ")
    cffsubr.subroutinize(font)
    buf = io.BytesIO()
    font.save(buf)
    packed = TTFont(io.BytesIO(buf.getvalue())).getTableData("CFF ")
    for label, data in (("subset CFF table", plain), ("subroutinized", packed)):
        print(f"{label}: {len(data)} / {len(zlib.compress(data, 9))} deflated")


if __name__ == "__main__":
    text = open(sys.argv[1]).read()
    path = sys.argv[2] if len(sys.argv) > 2 else "assets/fonts/FandolFang-Regular.otf"
    lossless(path, text)
    font = TTFont(path)
    gs = font.getGlyphSet()
    cmap = font.getBestCmap()
    names = sorted({cmap[ord(ch)] for ch in text if ord(ch) in cmap})
    cs = font["CFF "].cff.topDictIndex[0].CharStrings
    recs = {}
    raw = b""
    for n in names:
        recs[n] = RecordingPen()
        gs[n].draw(recs[n])
        c = cs[n]
        c.compile()
        raw += c.bytecode
    print(
        f"{len(names)} glyphs as they are: {len(raw)} / {len(zlib.compress(raw, 9))} deflated"
    )
    for tol in (0.5, 1, 2, 4):
        new = b"".join(encode(simplify(recs[n], tol), gs[n].width) for n in names)
        print(
            f"refitted within {tol} units: {len(new)} / {len(zlib.compress(new, 9))} deflated"
        )
