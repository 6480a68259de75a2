"""Plotly figures from the query DataFrames: titles, unit-labelled axes, $12.5M numbers, empty states."""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable
from functools import cache
from importlib import resources

import pandas as pd
import plotly.graph_objects as go

# plotly.js fetches its world outline from a CDN; the dashboard must work offline, so the
# map reads the same Natural Earth topojson shipped beside this module (see assets/README.md).
TOPOJSON = resources.files("aidtracker.dashboard") / "assets" / "world_110m.json"

INDICATOR_LABELS = {
    "famine_risk": "At risk of famine",
    "food_insecure": "Food insecure",
    "in_need": "In need of aid",
    "displaced": "Displaced",
    "malnourished": "Malnourished",
    "affected": "Affected",
}

OTHER = "Other donors"
HEIGHT = 420
# an empty chart's note when its caller gives none (the page words its own: see wording.py)
NOTHING = "Nothing to chart"


def money(value: float | None) -> str:
    """USD as a short readable string.

    >>> money(12_500_000), money(1_230_000_000), money(950), money(-5e6), money(None)
    ('$12.5M', '$1.23B', '$950', '-$5M', '')
    """
    return _short(value, "$")


def count(value: float | None) -> str:
    """A people count as a short readable string.

    >>> count(23_000_000), count(4_800_000), count(350_000), count(12)
    ('23M', '4.8M', '350K', '12')
    """
    return _short(value, "")


def _short(value: float | None, prefix: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    sign = "-" if value < 0 else ""
    v = abs(float(value))
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= scale:
            digits = f"{v / scale:.3g}"
            return f"{sign}{prefix}{digits}{suffix}"
    return f"{sign}{prefix}{v:.3g}" if v < 1 else f"{sign}{prefix}{v:,.0f}"


def label(text: object) -> str:
    """A data string made safe for Plotly's label markup, which would otherwise read tags in it.

    >>> label("<b>x</b> & y")
    '&lt;b&gt;x&lt;/b&gt; &amp; y'
    """
    return html.escape(str(text), quote=False)


def nice_ticks(top: float, n: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`.

    >>> nice_ticks(97)
    [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    >>> nice_ticks(0)
    [0.0, 1.0]
    """
    if top <= 0 or math.isnan(top):
        return [0.0, 1.0]
    raw = top / n
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [float(i * step) for i in range(math.ceil(top / step - 1e-9) + 1)]


def _value_axis(values: Iterable[float], fmt=money) -> dict:
    vals = [v for v in values if v is not None and not math.isnan(v)]
    top = max(vals, default=0.0)
    bottom = min(vals, default=0.0)
    ticks = nice_ticks(top)
    step = ticks[1] - ticks[0]
    while ticks[0] > bottom:
        ticks.insert(0, ticks[0] - step)
    return {"tickvals": ticks, "ticktext": [fmt(t) for t in ticks]}


def _layout(fig: go.Figure, title: str, **kw) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=HEIGHT,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"align": "left"},
        **kw,
    )
    return fig


def empty_figure(title: str, message: str = NOTHING) -> go.Figure:
    """A figure with the chart's title and a centred note instead of data, a line per line of
    `message`. The charts below show it with their `empty` note when they have nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(
        text="<br>".join(label(line) for line in message.splitlines()),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title)


# bar period -> (pandas period alias, plotly period, hover date format)
PERIODS = {"month": ("M", "M1", "%b %Y"), "quarter": ("Q", "M3", "Q%q %Y"), "year": ("Y", "M12", "%Y")}


def period_for(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """The bar width that keeps a time chart readable: months up to 4 years, quarters up to 12, else years.

    >>> period_for(pd.Timestamp("2022-01-01"), pd.Timestamp("2024-06-01"))
    'month'
    >>> period_for(pd.Timestamp("1987-01-01"), pd.Timestamp("2024-06-01"))
    'year'
    """
    years = (last - first).days / 365.25
    return "month" if years <= 4 else "quarter" if years <= 12 else "year"


def pledges_over_time(df: pd.DataFrame, top: int = 8, *, empty: str | None = None) -> go.Figure:
    """USD pledged over time, stacked by donor; donors beyond the top `top` are one "Other" band.

    Expects columns month, donor, usd. Bars are months, or quarters or years when the data
    spans too long for monthly bars to be visible.
    """
    df = df.dropna(subset=["usd", "month"])
    if df.empty:
        return empty_figure("Cash pledged per month, by donor (USD)", empty or NOTHING)
    months = pd.to_datetime(df["month"])
    period = period_for(months.min(), months.max())
    alias, plotly_period, hover_date = PERIODS[period]
    title = f"Cash pledged per {period}, by donor (USD)"
    ranking = df.groupby("donor")["usd"].sum().sort_values(ascending=False)
    keep = set(ranking.index[:top])
    df = df.assign(
        donor=df["donor"].where(df["donor"].isin(keep), OTHER),
        period=months.dt.to_period(alias).dt.start_time,
    )
    df = df.groupby(["period", "donor"], as_index=False)["usd"].sum()
    order = [d for d in ranking.index if d in keep] + ([OTHER] if OTHER in set(df["donor"]) else [])
    fig = go.Figure()
    for donor in order:
        part = df[df["donor"] == donor]
        fig.add_bar(
            x=part["period"],
            y=part["usd"],
            name=label(donor),
            xperiod=plotly_period,
            xperiodalignment="middle",
            customdata=[money(v) for v in part["usd"]],
            hovertemplate=f"%{{x|{hover_date}}}<br>" + label(donor) + ": %{customdata}<extra></extra>",
        )
    totals = df.groupby("period")["usd"].sum()
    fig.update_layout(barmode="relative", legend_title_text="Donor", showlegend=True)
    fig.update_xaxes(title_text=period.capitalize(), type="date")
    fig.update_yaxes(title_text="USD pledged", **_value_axis(list(totals) + [min(totals.min(), 0)]))
    return _layout(fig, title)


def top_bar(df: pd.DataFrame, title: str, axis_title: str, *, empty: str | None = None) -> go.Figure:
    """A horizontal bar chart of USD per label, largest on top. Expects columns label, usd."""
    df = df.dropna(subset=["usd"])
    if df.empty:
        return empty_figure(title, empty or NOTHING)
    df = df.sort_values("usd")
    fig = go.Figure(
        go.Bar(
            x=df["usd"],
            y=[label(v) for v in df["label"]],
            orientation="h",
            customdata=[money(v) for v in df["usd"]],
            text=[money(v) for v in df["usd"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            marker_color="#1f77b4",
        )
    )
    axis = _value_axis(df["usd"])
    # room on the right for the value written after the longest bar
    axis_range = [min(axis["tickvals"][0], 0), max(df["usd"].max(), 0) * 1.3 or 1]
    fig.update_xaxes(title_text="USD pledged", range=axis_range, **axis)
    fig.update_yaxes(title_text=axis_title, automargin=True)
    return _layout(fig, title)


def flows_sankey(df: pd.DataFrame, *, empty: str | None = None) -> go.Figure:
    """Donor -> recipient cash flows (USD). Expects columns donor, recipient, usd."""
    title = "Flows: donor to recipient country (USD)"
    df = df.dropna(subset=["usd"])
    df = df[df["usd"] > 0]
    if df.empty:
        return empty_figure(title, empty or NOTHING)
    donors = list(dict.fromkeys(df["donor"]))
    recipients = list(dict.fromkeys(df["recipient"]))
    # donors and recipients are separate nodes even when a name is both
    index_d = {d: i for i, d in enumerate(donors)}
    index_r = {r: len(donors) + i for i, r in enumerate(recipients)}
    totals = list(df.groupby("donor")["usd"].sum()[donors]) + list(
        df.groupby("recipient")["usd"].sum()[recipients]
    )
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": [label(x) for x in donors + recipients],
                "pad": 12,
                "thickness": 14,
                "color": ["#1f77b4"] * len(donors) + ["#ff7f0e"] * len(recipients),
                "customdata": [money(v) for v in totals],
                "hovertemplate": "%{label}: %{customdata}<extra></extra>",
            },
            link={
                "source": [index_d[d] for d in df["donor"]],
                "target": [index_r[r] for r in df["recipient"]],
                "value": list(df["usd"]),
                "customdata": [money(v) for v in df["usd"]],
                "hovertemplate": "%{source.label} → %{target.label}: %{customdata}<extra></extra>",
            },
        )
    )
    return _layout(fig, title)


def choropleth(
    df: pd.DataFrame, title: str, value_title: str, *, people: bool = False, empty: str | None = None
) -> go.Figure:
    """A world map coloured by value per ISO3 country. Expects columns iso3, name, value."""
    df = df.dropna(subset=["iso3", "value"])
    if df.empty:
        return empty_figure(title, empty or NOTHING)
    fmt = count if people else money
    fig = go.Figure(
        go.Choropleth(
            locations=df["iso3"],
            locationmode="ISO-3",
            z=df["value"],
            text=[label(n) for n in df["name"]],
            customdata=[fmt(v) for v in df["value"]],
            hovertemplate="%{text}: %{customdata}<extra></extra>",
            colorscale="Reds" if people else "Blues",
            marker_line_color="white",
            colorbar={"title": {"text": value_title}, **_value_axis(df["value"], fmt)},
        )
    )
    fig.update_geos(
        projection_type="natural earth",
        projection_rotation_lon=0,
        lonaxis_range=[-180, 180],
        lataxis_range=[-58, 85],
        showcountries=True,
        countrycolor="#cccccc",
        showframe=False,
        showcoastlines=False,
        showland=True,
        landcolor="#f2f2f2",
    )
    return _layout(fig, title)


def risk_over_time(df: pd.DataFrame, country: str) -> go.Figure:
    """People at risk in one country over time, one line per indicator. Expects date, indicator, people."""
    title = f"People at risk over time: {label(country)}"
    df = df.dropna(subset=["date", "people"])
    if df.empty:
        return empty_figure(title)
    fig = go.Figure()
    for indicator, part in df.sort_values("date").groupby("indicator", sort=True):
        name = INDICATOR_LABELS.get(str(indicator), label(indicator))
        fig.add_scatter(
            x=part["date"],
            y=part["people"],
            mode="lines+markers",
            name=name,
            customdata=[count(v) for v in part["people"]],
            hovertemplate="%{x|%d %b %Y}<br>" + name + ": %{customdata} people<extra></extra>",
        )
    fig.update_xaxes(title_text="Date of the figure", type="date")
    fig.update_yaxes(title_text="People", rangemode="tozero", **_value_axis(df["people"], count))
    fig.update_layout(legend_title_text="Indicator")
    return _layout(fig, title)


def usd_per_person(df: pd.DataFrame, *, empty: str | None = None) -> go.Figure:
    """Cash pledged per person at risk, by country. Expects country, usd, people, usd_per_person."""
    title = "Need against pledges: USD pledged per person at risk"
    df = df.dropna(subset=["usd_per_person"])
    if df.empty:
        return empty_figure(title, empty or "No country has both cash pledges in USD and risk figures")
    df = df.sort_values("usd_per_person")
    fig = go.Figure(
        go.Bar(
            x=df["usd_per_person"],
            y=[label(c) for c in df["country"]],
            orientation="h",
            text=[f"${v:,.2f}" for v in df["usd_per_person"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(
                zip([money(v) for v in df["usd"]], [count(v) for v in df["people"]], strict=True)
            ),
            hovertemplate=(
                "%{y}: %{text} per person<br>%{customdata[0]} pledged<br>"
                "%{customdata[1]} people at risk<extra></extra>"
            ),
            marker_color="#2ca02c",
        )
    )
    ratios = df["usd_per_person"][df["usd_per_person"] > 0]
    if len(ratios) > 1 and ratios.max() / ratios.min() > 100:
        # one outlier would flatten every other bar on a linear axis
        fig.update_xaxes(title_text="USD per person at risk (log scale)", type="log", tickprefix="$")
    else:
        fig.update_xaxes(
            title_text="USD per person at risk",
            tickprefix="$",
            range=[0, df["usd_per_person"].max() * 1.2 or 1],
        )
    fig.update_yaxes(title_text="Country", automargin=True)
    return _layout(fig, title)


IN_KIND_TITLE = "In-kind aid: quantity by commodity and unit"


def in_kind(df: pd.DataFrame, *, empty: str | None = None) -> go.Figure:
    """In-kind quantities by commodity, one trace per unit so no two units share a number.

    Expects columns commodity, unit, quantity.
    """
    df = df.dropna(subset=["quantity"])
    if df.empty:
        return empty_figure(IN_KIND_TITLE, empty or "No in-kind pledges to chart")
    fig = go.Figure()
    for unit, part in df.groupby("unit", sort=True):
        fig.add_bar(
            x=[label(c) for c in part["commodity"]],
            y=part["quantity"],
            name=label(unit),
            text=[f"{count(v)} {label(unit)}" for v in part["quantity"]],
            textposition="auto",
            hovertemplate="%{x}: %{y:,.0f} " + label(unit) + "<extra></extra>",
        )
    fig.update_layout(barmode="group", legend_title_text="Unit")
    fig.update_xaxes(title_text="Commodity")
    fig.update_yaxes(title_text="Quantity (in the unit of its bar)", type="log")
    return _layout(fig, IN_KIND_TITLE)


@cache
def _topojson_data_url() -> str:
    data = base64.b64encode(TOPOJSON.read_bytes()).decode("ascii")
    # plotly.js appends "/world_110m.json" to topojsonURL; the fragment swallows it
    return f"data:application/json;base64,{data}#"


def plotly_config() -> dict:
    """The Plotly config every chart uses: no logo, and the offline world outline for maps."""
    return {"displaylogo": False, "topojsonURL": _topojson_data_url()}
