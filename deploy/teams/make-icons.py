#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (zlib + struct), so anyone can regenerate them.

color.png   192x192, full colour: a speech bubble holding the "strong triangle" of information sharing
            (culture, information governance, technology), one coloured corner for each pillar.
outline.png 32x32, transparent, white only: the same bubble and triangle as an outline.

Shapes are signed distance functions sampled 4x4 per pixel for smooth edges.
Run: python3 deploy/teams/make-icons.py [output folder]   (default: next to this script)
"""
import math
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write_png(path, width, height, rows):
    """rows: list of bytearrays of RGBA pixels. Writes an 8-bit RGBA PNG (colour type 6)."""
    raw = b"".join(b"\x00" + bytes(row) for row in rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def rounded_rect(x0, y0, x1, y1, r):
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r

    def sdf(x, y):
        qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
        return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
    return sdf


def polygon(points):
    def sdf(x, y):
        d = float("inf")
        inside = False
        n = len(points)
        for i in range(n):
            (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
            ex, ey = bx - ax, by - ay
            wx, wy = x - ax, y - ay
            t = max(0.0, min(1.0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
            d = min(d, math.hypot(wx - ex * t, wy - ey * t))
            if (ay > y) != (by > y) and x < ax + (y - ay) * ex / ey:
                inside = not inside
        return -d if inside else d
    return sdf


def circle(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) - r


def union(*shapes):
    return lambda x, y: min(s(x, y) for s in shapes)


def stroke(shape, width):
    return lambda x, y: abs(shape(x, y)) - width / 2


def render(size, layers, background=None, samples=4):
    """layers: list of (sdf, (r, g, b, a)) painted in order over the background."""
    rows = []
    offsets = [(i + 0.5) / samples for i in range(samples)]
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for oy in offsets:
                for ox in offsets:
                    x, y = px + ox, py + oy
                    colour = background or (0, 0, 0, 0)
                    for sdf, paint in layers:
                        if sdf(x, y) <= 0:
                            colour = paint
                    a = colour[3] / 255
                    acc[0] += colour[0] * a
                    acc[1] += colour[1] * a
                    acc[2] += colour[2] * a
                    acc[3] += a
            n = samples * samples
            alpha = acc[3] / n
            if alpha > 0:
                row += bytes([round(acc[0] / n / alpha), round(acc[1] / n / alpha), round(acc[2] / n / alpha), round(alpha * 255)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(row)
    return rows


def bubble(scale):
    s = scale
    body = rounded_rect(34 * s, 38 * s, 158 * s, 136 * s, 22 * s)
    tail = polygon([(58 * s, 126 * s), (56 * s, 164 * s), (96 * s, 132 * s)])
    return union(body, tail)


def triangle_points(scale):
    s = scale
    return [(96 * s, 58 * s), (62 * s, 116 * s), (130 * s, 116 * s)]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    os.makedirs(out, exist_ok=True)
    teal = (31, 111, 120, 255)
    white = (255, 255, 255, 255)
    pillars = [(242, 165, 65, 255), (228, 87, 46, 255), (76, 175, 168, 255)]  # culture, governance, technology

    tri = triangle_points(1)
    layers = [(bubble(1), white), (stroke(polygon(tri), 9), teal)]
    layers += [(circle(x, y, 11), colour) for (x, y), colour in zip(tri, pillars)]
    write_png(os.path.join(out, "color.png"), 192, 192, render(192, layers, background=teal))

    k = 32 / 192
    tri = triangle_points(k)
    outline = [(stroke(bubble(k), 2.2), white), (stroke(polygon(tri), 1.8), white)]
    write_png(os.path.join(out, "outline.png"), 32, 32, render(32, outline, samples=6))


if __name__ == "__main__":
    main()
