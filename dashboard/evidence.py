"""A record's evidence sentence highlighted in its article, as escaped HTML that never runs as markup."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any
from urllib.parse import urlparse


def locate(text: str, sentence: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where the evidence sits in the text: its recorded span when that matches, else its first occurrence.

    >>> locate("A b. C d.", "C d.", 5, 9), locate("A b. C d.", "C d.", 0, 4), locate("A b.", "zz", 0, 2)
    ((5, 9), (5, 9), None)
    """
    if (
        start is not None
        and end is not None
        and 0 <= start < end <= len(text)
        and text[start:end] == sentence
    ):
        return start, end
    found = text.find(sentence) if sentence else -1
    return (found, found + len(sentence)) if found >= 0 else None


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web link; None for anything a browser would run (javascript:, data:).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url(None)
    ('https://example.org/a?b=1', None, None)
    """
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def evidence_html(rec: dict[str, Any]) -> str:
    """The article's title, date and source, then its text with the evidence inside <mark>.

    Every piece of data goes through html.escape, so a title like <img onerror=...> shows as text.

    >>> evidence_html({"title": "<b>T</b>", "text": "x <i>y</i> z", "evidence": "<i>y</i>",
    ...                "span_start": 2, "span_end": 10, "published_on": None, "source": None, "url": None})
    ... # doctest: +ELLIPSIS
    '...&lt;b&gt;T&lt;/b&gt;...x <mark>&lt;i&gt;y&lt;/i&gt;</mark> z...'
    """
    title = rec.get("title") or "(untitled article)"
    date = rec.get("published_on")
    date_text = date.isoformat() if isinstance(date, dt.date) else "date unknown"
    meta = [date_text]
    if rec.get("source"):
        meta.append(html.escape(str(rec["source"])))
    url = safe_url(rec.get("url"))
    if url:
        href = html.escape(url, quote=True)
        meta.append(f'<a href="{href}" target="_blank" rel="noopener noreferrer">source link</a>')
    text = rec.get("text") or ""
    sentence = rec.get("evidence") or ""
    span = locate(text, sentence, rec.get("span_start"), rec.get("span_end"))
    full_text = ""
    if span:
        a, b = span
        highlighted = f"<mark>{html.escape(text[a:b])}</mark>{html.escape(text[b:])}"
        body = html.escape(text[:a]) + highlighted
        cut = lead_in_start(text, a)
        if cut > 0:
            # a long article: open the box near the sentence, the whole text one click away
            full_text = f"<details><summary>Whole article</summary>{_box(body)}</details>"
            body = "… " + html.escape(text[cut:a]) + highlighted
    else:
        body = (
            f"<p><mark>{html.escape(sentence)}</mark></p>"
            "<p><em>(this sentence was not found in the stored article text)</em></p>"
            f"{html.escape(text)}"
        )
    return (
        '<div class="aid-evidence">'
        f'<div style="font-weight:600;font-size:1.1rem">{html.escape(str(title))}</div>'
        f'<div style="color:#666;margin-bottom:0.5rem">{" · ".join(meta)}</div>'
        f"{_box(body)}{full_text}"
        "</div>"
    )


# reports shown open; a larger group's others fold under one "N more reports" line
OPEN_REPORTS = 3


def reports_html(reports: list[dict[str, Any]]) -> str:
    """A group's reports (queries.group_reports, the first report first): how many articles report
    it, then each report's article with its sentence highlighted (evidence_html), under why the
    report was grouped with the first: which fields agreed.

    >>> rec = {"title": "T", "text": "Norway gave $5m.", "evidence": "Norway gave $5m.", "span_start": 0,
    ...        "span_end": 16, "published_on": None, "source": None, "url": None}
    >>> page = reports_html([{**rec, "article_id": "a", "why": "first report"},
    ...                      {**rec, "article_id": "b", "why": "same donor (<NOR>)"}])
    >>> "Reported by 2 articles" in page, "why grouped with report 1: same donor (&lt;NOR&gt;)" in page
    (True, True)
    """
    n = len(reports)
    articles = len({rec.get("article_id") for rec in reports})
    blocks = []
    for i, rec in enumerate(reports, 1):
        why = str(rec.get("why") or "")
        reason = why if i == 1 else f"why grouped with report 1: {why}"
        blocks.append(
            '<div class="aid-report" style="margin-top:0.8rem">'
            f'<div style="color:#444;margin-bottom:0.3rem">Report {i} of {n} · {html.escape(reason)}</div>'
            f"{evidence_html(rec)}</div>"
        )
    body = "".join(blocks[:OPEN_REPORTS])
    if n > OPEN_REPORTS:
        more = n - OPEN_REPORTS
        body += f"<details><summary>{more} more report{'s' if more != 1 else ''}</summary>"
        body += "".join(blocks[OPEN_REPORTS:]) + "</details>"
    head = f"Reported by {articles} article{'s' if articles != 1 else ''}"
    return f'<div class="aid-reports"><div style="font-weight:600;font-size:1.2rem">{head}</div>{body}</div>'


def _box(inner: str) -> str:
    return (
        '<div style="white-space:pre-wrap;max-height:22rem;overflow-y:auto;border:1px solid #ddd;'
        f'border-radius:0.4rem;padding:0.6rem;line-height:1.5;margin-bottom:0.4rem">{inner}</div>'
    )


LEAD_IN = 400  # characters of text shown before the sentence in a long article


def lead_in_start(text: str, start: int) -> int:
    """Where to start showing text so the sentence at `start` is in view: 0 for a sentence near the top,
    else the word boundary about LEAD_IN characters before it.

    >>> lead_in_start("short text", 6)
    0
    >>> t = "word " * 300
    >>> lead_in_start(t, 1000), t[lead_in_start(t, 1000) - 1]
    (605, ' ')
    """
    if start <= 2 * LEAD_IN:
        return 0
    cut = text.find(" ", start - LEAD_IN, start)
    return cut + 1 if cut >= 0 else start - LEAD_IN
