"""Generated demo media: nothing is fetched, no photo of a real person is used."""

import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

BRAND = (0, 85, 155)
SKIN_TONES = [(141, 85, 36), (198, 134, 66), (224, 172, 105)]
SHIRTS = [(216, 67, 21), (46, 125, 50), (255, 179, 0)]


def hero_png(width=1600, height=800):
    """An illustration of three young men, one of them laughing, matching the seed's alt text."""
    image = Image.new("RGB", (width, height), (226, 238, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, int(height * 0.72), width, height], fill=(196, 214, 232))
    for index, (skin, shirt) in enumerate(zip(SKIN_TONES, SHIRTS, strict=True)):
        cx = int(width * (0.3 + 0.2 * index))
        head_r = int(height * 0.11)
        head_y = int(height * 0.36)
        draw.rounded_rectangle(
            [cx - head_r * 1.6, head_y + head_r * 1.1, cx + head_r * 1.6, height],
            radius=head_r,
            fill=shirt,
        )
        draw.ellipse([cx - head_r, head_y - head_r, cx + head_r, head_y + head_r], fill=skin)
        eye_y = head_y - head_r // 4
        for dx in (-head_r // 3, head_r // 3):
            draw.ellipse([cx + dx - 6, eye_y - 6, cx + dx + 6, eye_y + 6], fill=(30, 30, 30))
        mouth = [cx - head_r // 2, head_y, cx + head_r // 2, head_y + head_r // 2]
        if index == 1:  # the one laughing into the camera
            draw.chord(mouth, 0, 180, fill=(120, 20, 20))
        else:
            draw.arc(mouth, 20, 160, fill=(60, 30, 30), width=5)
    return _png_bytes(image)


def initials_png(initials, size=400):
    """A portrait placeholder: the person's initials on the brand colour."""
    image = Image.new("RGB", (size, size), BRAND)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return _png_bytes(image)


def pattern_png(hue, width=1600, height=800):
    """A decorative hero for an invented topic: overlapping circles in one colour family."""
    image = Image.new("RGB", (width, height), _tint(hue, 0.85))
    draw = ImageDraw.Draw(image)
    for index, (x, y, r) in enumerate(((0.2, 0.7, 0.45), (0.62, 0.3, 0.38), (0.9, 0.85, 0.3))):
        cx, cy, radius = width * x, height * y, height * r
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], fill=_tint(hue, 0.2 * index)
        )
    return _png_bytes(image)


def pictogram_png(symbol, size=480):
    """A pictogram for Leichte Sprache: a speech bubble with ``symbol`` (e.g. "?") in it."""
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    margin = size // 10
    bubble = [margin, margin, size - margin, int(size * 0.72)]
    draw.rounded_rectangle(bubble, radius=size // 8, fill=BRAND)
    tail = [
        (int(size * 0.3), bubble[3] - 2),
        (int(size * 0.22), size - margin),
        (int(size * 0.48), bubble[3] - 2),
    ]
    draw.polygon(tail, fill=BRAND)
    font = ImageFont.load_default(size=size // 3)
    centre = ((bubble[0] + bubble[2]) / 2, (bubble[1] + bubble[3]) / 2)
    draw.text(centre, symbol, fill=(255, 255, 255), font=font, anchor="mm")
    return _png_bytes(image)


def sign_language_poster_png(width=640, height=480):
    """The poster of the demo's sign-language video: the video's first frame (two squares on
    the brand colour, demo/files/dgs-beispiel.webm) with "DGS" under them."""
    image = Image.new("RGB", (width, height), BRAND)
    draw = ImageDraw.Draw(image)
    side = width * 30 // 160
    top = height * 40 // 120
    for left, colour in ((width * 40 // 160, (255, 255, 255)), (width * 90 // 160, SHIRTS[2])):
        draw.rectangle([left, top, left + side, top + side], fill=colour)
    font = ImageFont.load_default(size=height // 6)
    draw.text((width / 2, height * 0.78), "DGS", fill=(255, 255, 255), font=font, anchor="mm")
    return _png_bytes(image)


# Cover colour per publication type: the colour band that tells brochures from statements.
COVER_COLOURS = {
    "broschuere": (0, 85, 155),
    "arbeitshilfe": (0, 110, 120),
    "positionspapier": (175, 70, 20),
    "stellungnahme": (110, 60, 150),
    "jahresbericht": (60, 60, 60),
}


def publication_pdf(title, paragraphs, type_label="Publikation", kind=""):
    """A small, real PDF with extractable text: a designed cover (colour band, type, title,
    the association's name) and a page of text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("Der Paritätische NRW (Demo-Inhalt)")
    width, height = A4
    colour = [c / 255 for c in COVER_COLOURS.get(kind, BRAND)]
    # Cover: a wide colour band with the type and title, a thin band at the foot.
    pdf.setFillColorRGB(*colour)
    pdf.rect(0, height * 0.45, width, height * 0.55, stroke=0, fill=1)
    pdf.rect(0, 0, width, 1.2 * cm, stroke=0, fill=1)
    pdf.setFillColorRGB(1, 1, 1)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(2 * cm, height - 3 * cm, type_label.upper())
    pdf.setFont("Helvetica-Bold", 30)
    y = height - 6 * cm
    for line in _wrap(title, 24):
        pdf.drawString(2 * cm, y, line)
        y -= 1.2 * cm
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(2 * cm, 4 * cm, "Der Paritätische NRW")
    pdf.setFont("Helvetica", 12)
    pdf.drawString(2 * cm, 3.2 * cm, "Beispielpublikation der Demo-Installation")
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(2 * cm, height - 3 * cm, title[:70])
    pdf.setFont("Helvetica", 11)
    y = height - 4.5 * cm
    for paragraph in paragraphs:
        for line in _wrap(paragraph, 90):
            pdf.drawString(2 * cm, y, line)
            y -= 0.6 * cm
        y -= 0.4 * cm
    pdf.drawString(2 * cm, y, "Dieses Dokument ist Demo-Inhalt.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _tint(colour, amount):
    """``colour`` mixed with ``amount`` (0–1) of white."""
    return tuple(round(c + (255 - c) * amount) for c in colour)


def _wrap(text, width):
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            yield line
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        yield line


def _png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
