"""The admin's document form base (WAGTAILDOCS_DOCUMENT_FORM_BASE).

Wagtail builds both the single upload/edit form and the multiple-upload forms from this class.
The upload itself is checked once, by ``Publication.clean`` (which every ModelForm runs), so
the admin, the multiple uploader and code that calls ``full_clean()`` share one check.
"""

from wagtail.documents.forms import BaseDocumentForm

from .topics import topic_pages


class PublicationForm(BaseDocumentForm):
    # Wagtail's multiple uploader posts only title, collection and the file; these fields have
    # model defaults, so a missing value means "the default" rather than an error.
    optional_with_default = ("publication_type", "language")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.optional_with_default:
            if name in self.fields:
                self.fields[name].required = False
        if "topics" in self.fields:
            # A publication's topics are pages, but only topic pages are offered.
            self.fields["topics"].queryset = topic_pages()

    def clean(self):
        cleaned_data = super().clean()
        for name in self.optional_with_default:
            if name in self.fields and not cleaned_data.get(name):
                cleaned_data[name] = self._meta.model._meta.get_field(name).get_default()
        return cleaned_data
