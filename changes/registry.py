"""What affects what, beyond Wagtail's reference index: registered by the content apps from
their ``AppConfig.ready()`` (``from changes import registry; registry.register(...)``)."""

# model -> listing tags its objects appear in (e.g. TopicPage -> "listing:topics")
LISTINGS = {}
# model -> functions(obj) -> iterables of page ids that show obj without referring to it
DEPENDENTS = {}
# page types whose output lists their children (a child's change changes the parent)
LISTS_CHILDREN = set()
# models whose change changes the site's chrome (navigation, footer) on every page
CHROME_MODELS = set()

# every model registered here is watched for changes (snippets and settings)
WATCHED = set()
# many-to-many tables whose changes change the object that holds them (a publication's topics)
M2M_THROUGH = set()

CHROME = "chrome"

# Listing endpoints by tag: the API URLs to purge when the listing changes.
LISTING_URLS = {}
# Functions returning the ids of the legal pages shown in every footer (from the app that owns
# the site settings).
LEGAL_PAGES = []


def register(model, *, listings=(), dependents=None, lists_children=False, chrome=False, m2m=()):
    """Say how ``model``'s objects are shown beyond the references Wagtail indexes: the
    listings they appear in, pages that show them without a reference (``dependents(obj)``
    gives page ids), whether a page type lists its children, whether a change is a change of
    the chrome (site settings), and many-to-many fields whose changes change the object.
    A page type's ``dependents`` also show its teaser: they change with its hero image too
    (then ``dependents`` gets the page as a plain ``Page``)."""
    WATCHED.add(model)
    M2M_THROUGH.update(getattr(model, name).through for name in m2m)
    if listings:
        LISTINGS[model] = tuple(listings)
    if dependents:
        DEPENDENTS.setdefault(model, []).append(dependents)
    if lists_children:
        LISTS_CHILDREN.add(model)
    if chrome:
        CHROME_MODELS.add(model)


def register_listing_urls(tag, *urls):
    """The API URLs to purge when the listing ``tag`` changes."""
    LISTING_URLS[tag] = urls
