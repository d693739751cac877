"""Job ads (and any other text a company writes for candidates) in Markdown: parsed by
markdown-it-py, then cleaned by an allowlist sanitiser (nh3).

Two layers, each enough on its own: the parser never passes raw HTML through (``html`` off, so
``<script>`` in an ad is text), and nh3 keeps only the tags and attributes below, drops
``javascript:`` and other schemes, and gives every link ``rel="nofollow noopener"``. Bare
addresses (``https://…``, ``www.…``) become links too (linkify-it-py). Line
breaks are kept (``breaks``), so a description written as plain text before ads became
Markdown — paragraphs separated by a blank line, lines by a newline — renders as it did.
A job's headings sit under the page's ``<h1>`` (the job title): ``#`` becomes ``<h2>``.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_TAGS = {"p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ul", "ol", "li", "a", "blockquote",
         "code", "pre", "hr"}
_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_SCHEMES = {"http", "https", "mailto"}


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": True, "typographer": False})
    md.enable(["strikethrough", "linkify"])
    shift = {f"h{n}": f"h{min(n + 1, 6)}" for n in range(1, 7)}

    def heading(renderer, tokens, idx, options, env):
        tokens[idx].tag = shift[tokens[idx].tag]
        return renderer.renderToken(tokens, idx, options, env)

    def image(renderer, tokens, idx, options, env):
        # An ad's images would load from anywhere (and the CSP blocks them): a link to the image.
        token = tokens[idx]
        alt = escape(renderer.renderInlineAsText(token.children or [], options, env) or token.attrGet("src"))
        return f'<a href="{escape(token.attrGet("src") or "")}">{alt}</a>'

    md.add_render_rule("heading_open", heading)
    md.add_render_rule("heading_close", heading)
    md.add_render_rule("image", image)
    return md


_MD = _parser()


@lru_cache(maxsize=256)
def _html(text: str) -> str:
    raw = _MD.render(text.replace("\r\n", "\n"))
    return nh3.clean(raw, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     link_rel="nofollow noopener", strip_comments=True)


def render(text: str | None) -> Markup:
    """A job ad's Markdown as safe HTML (the same text gives the same HTML; cached per process)."""
    if not text or not text.strip():
        return Markup("")
    return Markup(_html(text))
