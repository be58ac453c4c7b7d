"""Which keys run which action: the app's bindings by id, after the user's keymap.

Help and the command palette ask here, so they name the keys the reviewer actually bound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App


def default_keys(app: App) -> dict[str, str]:
    """Binding id -> its default key string ("j,down"), for every app binding with an id."""
    return {b.id: b.key for b in type(app).BINDINGS if isinstance(b, Binding) and b.id}


def keys_of(app: App, binding_id: str) -> list[str]:
    """The keys bound to `binding_id` as shown on screen ("ctrl+z" -> "^z"), keymap applied."""
    keymap: dict[str, str] = getattr(app, "keymap", {})
    keys = keymap.get(binding_id) or default_keys(app).get(binding_id, "")
    return [app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip()]


def key_text(app: App, *binding_ids: str) -> str:
    """The keys of several bindings in one short string: "c", "j ↓", "1–9"."""
    shown = [k for bid in binding_ids for k in keys_of(app, bid)]
    if len(shown) == 9 and shown == [str(i) for i in range(1, 10)]:
        return "1–9"
    return " ".join(shown)
