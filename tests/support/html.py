"""HTML checks: what a strict CSP would block, and the one root element of an htmx fragment."""

from __future__ import annotations

import json

from lxml import html as lxml_html


def inline_problems(resp) -> list[str]:
    """Nothing a strict CSP would block: no inline style or script, no event handlers."""
    if resp.mimetype != "text/html" or not resp.data.strip():
        return []
    body = resp.get_data(as_text=True)
    tree = lxml_html.fromstring(body) if "<html" in body else lxml_html.fragment_fromstring(body, create_parent="div")
    problems = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.split("}")[-1].lower()
        if tag == "script" and el.get("type") == "application/ld+json":
            # A data block (schema.org for search engines): never run, so the CSP does not
            # apply; it must be JSON only, with no "<" that could end the element early.
            try:
                json.loads(el.text or "")
            except ValueError:
                problems.append("<script type=application/ld+json> that is not JSON")
            if "<" in (el.text or ""):
                problems.append("<script type=application/ld+json> with an unescaped <")
            continue
        if tag == "style" or (tag == "script" and not el.get("src")):
            problems.append(f"<{tag}> inline")
        for name in el.attrib:
            lname = name.lower()
            if lname == "style" or lname.startswith(("on", "hx-on", "data-hx-on")):
                problems.append(f"<{tag} {name}=…>")
        if tag == "script" and el.get("src", "").startswith(("http:", "https:", "//")):
            problems.append(f"off-site script {el.get('src')}")
    if "<html" in body and not 300 <= resp.status_code < 400:  # Werkzeug's redirect stub is not a page
        meta = tree.xpath('//meta[@name="htmx-config"]')
        if len(meta) != 1:
            problems.append("no htmx-config meta")
        else:
            config = json.loads(meta[0].get("content"))
            if config.get("includeIndicatorStyles") is not False or config.get("allowEval") is not False \
                    or config.get("allowScriptTags") is not False:
                problems.append(f"htmx-config {config}")
    return problems


def fragment_root(body: str):
    """The root element of an htmx fragment: one element (plus any ``hx-swap-oob`` siblings),
    no page around it and no stray text, so a swap replaces exactly what it targets."""
    assert "<html" not in body and "<body" not in body, body[:200]
    parts = lxml_html.fragments_fromstring(body.strip())
    assert parts and not isinstance(parts[0], str), f"text before the fragment's root: {body[:200]!r}"
    root, *rest = parts
    strays = [p if isinstance(p, str) else p.tag for p in rest
              if isinstance(p, str) and p.strip() or not isinstance(p, str) and p.get("hx-swap-oob") is None]
    assert not strays, f"the fragment has more than one root: {strays}"
    tails = [el.tail for el in parts if not isinstance(el, str) and (el.tail or "").strip()]
    assert not tails, f"text after the fragment's root: {tails}"
    return root
