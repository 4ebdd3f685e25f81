"""The stylesheet's own lint: logical properties only, and tokens whose colours meet WCAG AA.

Right-to-left pages (Arabic, Farsi) mirror the layout through the logical properties alone, so
no rule may say left or right where a logical property exists (``margin-left`` →
``margin-inline-start``, ``left`` → ``inset-inline-start``, ``text-align: left`` → ``start``, …).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted(
    path
    for path in ROOT.glob("*/static/**/*.css")
    if not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
)
SITE_CSS = ROOT / "home" / "static" / "css" / "site.css"

# A property that names a physical side, and the values that do.
PHYSICAL_PROPERTY = re.compile(
    r"^(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-\w+)?"
    r"|border-(?:top|bottom)-(?:left|right)-radius|left|right)$"
)
PHYSICAL_VALUE = {
    "float": re.compile(r"\b(?:left|right)\b"),
    "clear": re.compile(r"\b(?:left|right)\b"),
    "text-align": re.compile(r"\b(?:left|right)\b"),
    "resize": re.compile(r"\b(?:horizontal|vertical)\b"),
}
# Shorthands whose four values are top, right, bottom, left: a different right and left is a
# physical side too (``padding: 0 0 0 1rem``).
FOUR_SIDED = {"margin", "padding", "inset", "border-width", "border-style", "border-color"}
DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;{}]+)")


def declarations(css):
    """(property, value, line) of every declaration, comments left out."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    for block in re.finditer(r"\{([^{}]*)\}", css):
        line = css.count("\n", 0, block.start()) + 1
        for match in DECLARATION.finditer(block.group(1)):
            yield match.group(1), match.group(2).strip(), line


def physical_rules(css):
    found = []
    for prop, value, line in declarations(css):
        sides = value.replace("!important", "").split()
        if (
            PHYSICAL_PROPERTY.match(prop)
            or (prop in PHYSICAL_VALUE and PHYSICAL_VALUE[prop].search(value))
            or (prop in FOUR_SIDED and len(sides) == 4 and sides[1] != sides[3])
        ):
            found.append(f"line {line}: {prop}: {value}")
    return found


def test_the_lint_finds_physical_sides():
    css = """
    .a { margin-left: 1rem; padding-inline-start: 1rem; }
    .b { border-right-color: red; left: 0; text-align: right; float: left; }
    .c { border-top-left-radius: 2px; inset-inline-end: 0; text-align: start; }
    .d { padding: 0.25rem 0 0.25rem 1rem; margin: 0 auto; padding: 1px 2px 3px 2px; }
    """
    assert [rule.split(": ", 1)[1] for rule in physical_rules(css)] == [
        "margin-left: 1rem",
        "border-right-color: red",
        "left: 0",
        "text-align: right",
        "float: left",
        "border-top-left-radius: 2px",
        "padding: 0.25rem 0 0.25rem 1rem",
    ]


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_rule_uses_a_physical_side_where_a_logical_property_exists(stylesheet):
    assert physical_rules(stylesheet.read_text()) == []


def test_the_site_stylesheet_is_linted():
    assert SITE_CSS in STYLESHEETS


# -- Tokens ---------------------------------------------------------------------------------


def tokens():
    root = re.search(r":root\s*\{([^}]*)\}", SITE_CSS.read_text()).group(1)
    root = re.sub(r"/\*.*?\*/", "", root, flags=re.S)
    return dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root))


def luminance(hex_colour):
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Text colours on the surfaces the stylesheet puts them on (4.5:1, WCAG 1.4.3), and the form
# fields' border on white (3:1, WCAG 1.4.11).
PAIRS = [
    ("--color-text", "--color-surface", 4.5),
    ("--color-text", "--color-surface-soft", 4.5),
    ("--color-text", "--color-surface-muted", 4.5),
    ("--color-muted", "--color-surface", 4.5),
    ("--color-muted", "--color-surface-soft", 4.5),
    ("--color-brand", "--color-surface", 4.5),
    ("--color-brand", "--color-surface-soft", 4.5),
    ("--color-brand-dark", "--color-brand-tint", 4.5),
    ("--color-danger", "--color-surface", 4.5),
    ("--color-danger", "--color-danger-soft", 4.5),
    ("--color-text", "--color-mark", 4.5),
    ("#ffffff", "--color-brand", 4.5),
    ("#ffffff", "--color-brand-dark", 4.5),
    ("--color-border-strong", "--color-surface", 3),
]


def test_text_colours_meet_wcag_aa_on_their_surfaces():
    values = tokens()
    assert {"--step-0", "--space-s", "--radius-m", "--color-brand"} <= set(values)
    low = []
    for fore, back, needed in PAIRS:
        a, b = (values.get(name, name).strip() for name in (fore, back))
        ratio = contrast(a, b)
        if ratio < needed:
            low.append(f"{fore} on {back}: {ratio:.2f} < {needed}")
    assert low == []
