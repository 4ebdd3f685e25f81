"""The admin's edit form as a browser submits it, for tests that post it back.

Wagtail renders a StreamField's inputs with JavaScript, so the edit view's HTML holds every
field but the streams. :func:`edit_form_data` reads the HTML as a browser would (Wagtail's own
``querydict_from_html``) and adds each StreamField in the shape its JavaScript posts
(``body-count``, ``body-0-type``, ``body-0-value-heading``, …), built from the value the form
shows (the latest revision). Tests then change what an editor would change and post it.
"""

from bs4 import BeautifulSoup
from django.db.models.fields.files import FieldFile
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.test.utils.form_data import querydict_from_html


def block_form_data(block, value, prefix):
    """``value`` of ``block`` as the admin's JavaScript posts it under ``prefix``."""
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data = {f"{prefix}-count": str(len(children))}
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update(
                {
                    f"{item}-type": child.block_type,
                    f"{item}-deleted": "",
                    f"{item}-order": str(index),
                    f"{item}-id": child.id or "",
                }
            )
            data.update(block_form_data(child.block, child.value, f"{item}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value is not None else []
        data = {f"{prefix}-count": str(len(children))}
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update(
                {f"{item}-deleted": "", f"{item}-order": str(index), f"{item}-id": child.id or ""}
            )
            data.update(block_form_data(block.child_block, child.value, f"{item}-value"))
        return data
    if isinstance(block, ImageBlock) and value is not None and not isinstance(value, dict):
        # An ImageBlock's value is the image, carrying the editor's alt text and choice.
        raw = block.get_prep_value(value)
        value = {"image": value, "alt_text": raw["alt_text"], "decorative": raw["decorative"]}
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            child_value = value.get(name) if value else None
            data.update(block_form_data(child, child_value, f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    state = block.get_form_state(value)
    if isinstance(state, dict):  # a chooser: the widget posts the chosen object's id
        state = state.get("id", "")
    if isinstance(state, FieldFile):
        state = state.name
    return {prefix: "" if state is None else str(state)}


def edit_form_data(client, page):
    """The page's edit form as a browser would post it unchanged (a ``QueryDict``)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A browser posts a checked checkbox without a value attribute as "on"; Wagtail's helper
    # posts "", which Django reads as unchecked.
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    for checkbox in form.find_all("input", type="checkbox", checked=True):
        if "value" not in checkbox.attrs and checkbox.get("name"):
            data.setlist(checkbox["name"], ["on"])
    shown = page.get_latest_revision_as_object()
    for field in type(shown)._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(shown, field.name)
            for key, item in block_form_data(field.stream_block, value, field.name).items():
                data[key] = item
    return data


def stream_items(data, field):
    """The blocks of a posted StreamField: ``[(index, type), …]`` in form order."""
    return [(index, data[f"{field}-{index}-type"]) for index in range(int(data[f"{field}-count"]))]
