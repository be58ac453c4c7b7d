"""Colours every theme can be read in: the theme's own label (success / error / warning) and
footer key colours, lightened on a dark background (darkened on a light one) until they stand
out from it as text should (WCAG's 4.5:1). A light theme's warning yellow (1.5:1 on white) and
accent keys in the footer (1.8:1), and an error red that NO_COLOR's greys turn almost black on
a dark theme, were hard to read."""

from __future__ import annotations

from textual.color import Color

READABLE = 4.5  # WCAG AA contrast for body text
LABEL_COLOURS = {
    "label-consistent": "success",
    "label-contradicted": "error",
    "label-unverified": "warning",
}


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""

    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: Color, backgrounds: list[Color], text: Color) -> Color:
    """`colour`, lightened (on a dark background; darkened on a light one) just enough to reach
    READABLE on every background, also in the greys NO_COLOR turns them into; never asking for
    more than the theme's `text` has (failing that, it is `text`). Its hue is kept: 16-colour
    terminals still show a green green."""

    def worst(c: Color) -> float:
        return min(
            min(contrast(c, bg), contrast(c.monochrome, bg.monochrome)) for bg in backgrounds
        )

    target = min(READABLE, worst(text))
    dark = backgrounds[0].brightness < 0.5
    for step in range(21):
        amount = step / 40
        shifted = colour.lighten(amount) if dark else colour.darken(amount)
        if worst(shifted) >= target:
            return shifted
    return text


def label_colours(variables: dict[str, str]) -> dict[str, str]:
    """`$label-consistent`, `$label-contradicted`, `$label-unverified` for a theme's CSS
    variables. An ANSI theme's colours are the terminal's to choose: they are kept."""
    try:
        backgrounds = [Color.parse(variables[name]) for name in ("background", "surface")]
        towards = Color.parse(variables["foreground"])
    except (KeyError, ValueError):
        return {}
    themed = all(c.ansi is None for c in (*backgrounds, towards))
    out = {}
    for name, source in LABEL_COLOURS.items():
        colour = Color.parse(variables[source])
        if themed and colour.ansi is None:
            out[name] = readable(backgrounds[0] + colour, backgrounds, towards).hex
        else:
            out[name] = variables[source]
    return out


def footer_keys(variables: dict[str, str]) -> dict[str, str]:
    """`$footer-key-foreground` readable on the footer (the accent: 1.8:1 in atom-one-light)."""
    try:
        key, background, towards = (
            Color.parse(variables[name])
            for name in ("footer-key-foreground", "footer-background", "footer-foreground")
        )
    except (KeyError, ValueError):
        return {}
    if any(c.ansi is not None for c in (key, background, towards)):
        return {}
    return {"footer-key-foreground": readable(background + key, [background], towards).hex}
