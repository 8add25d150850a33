"""User text is data, never markup, and never reaches the terminal as control codes.

Every widget that shows user text goes through ``plain`` (for a ``str`` that will
be shown literally) or ``content`` (a ``Content`` that Textual never parses).
"""

from __future__ import annotations

from textual.content import Content

from netty.services.text import for_terminal


def plain(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every terminal control character replaced, safe to show literally."""
    value = "" if text is None else str(text)
    return for_terminal(value, keep_newlines=keep_newlines, replacement="\ufffd")


def content(text: object, style: str = "", *, keep_newlines: bool = False) -> Content:
    """A ``Content`` holding ``text`` literally (no markup parsed), optionally styled."""
    body = Content(plain(text, keep_newlines=keep_newlines))
    return body.stylize(style) if style else body


def markup(template: str, **values: object) -> Content:
    """Markup written by us with user values substituted literally: ``markup("[b]$name[/]", name=n)``."""
    return Content.from_markup(template, **{k: plain(v) for k, v in values.items()})


def hanging(head: Content, body: Content, width: int) -> Content:
    """``head`` then ``body`` wrapped to ``width`` cells, every further line indented under
    the body's first character (a hanging indent); no word is lost or cut when it fits."""
    indent = head.cell_length
    room = max(8, width - indent)
    lines = body.wrap(room) if width > 0 else [body]
    pad = Content(" " * indent)
    out = [head + lines[0]] if lines else [head]
    out += [pad + line for line in lines[1:]]
    return Content("\n").join(out)
