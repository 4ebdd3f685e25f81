import wagtail_factories

from .models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Impressum"
    slug = "impressum"

    class Meta:
        model = StandardPage
