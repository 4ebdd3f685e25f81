"""The demo loader builds the seed page, and running it twice changes nothing."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from documents.models import Publication, publications_only
from organisation.models import Fachbereich
from people.models import ContactPerson, Fachgruppe
from topics.models import TopicPage

SEED = Path(__file__).resolve().parents[2] / "demo" / "topic-page-fluechtlingsarbeit.txt"
# Lines of the seed that are not page content: the site name and the menu placeholder.
NOT_CONTENT = {"Der Paritätische NRW", "Navigation"}


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "publications": Publication.objects.count(),
        "persons": ContactPerson.objects.count(),
        "fachbereiche": Fachbereich.objects.count(),
        "fachgruppen": Fachgruppe.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_second_run_changes_and_duplicates_nothing(demo):
    before = counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
    assert before["publications"] >= 3
    # Two contact persons and the Fachgruppe lead of the seed, four contacts of the invented
    # topics named only by their function.
    assert before["persons"] == 7
    # The seed topic and three invented ones, each in its Fachbereich and Fachgruppe; the
    # seed topic also in Leichte Sprache, English and Arabic.
    german = TopicPage.objects.live().filter(locale__language_code="de")
    assert german.count() == 4
    assert TopicPage.objects.live().count() == 7
    assert before["fachbereiche"] == 4 and before["fachgruppen"] == 4
    # Nine publications and the Leichte Sprache home's sign-language video (a document).
    assert before["publications"] == 10
    assert publications_only(Publication.objects.all()).count() == 9


def test_invented_topics_are_labelled_as_sample_text_and_the_seed_page_is_not(demo, client):
    for topic in TopicPage.objects.live().filter(locale__language_code="de"):
        html = client.get(topic.url).content.decode()
        assert topic.fachbereich is not None, topic
        labelled = "<strong>Beispieltext:</strong>" in html
        assert labelled == (topic.slug != "fluechtlingsarbeit"), topic
    # Only the people the seed names; no invented personal data: everyone else is a function.
    named = ContactPerson.objects.exclude(first_name="", last_name="")
    assert set(named.values_list("last_name", flat=True)) == {"Metelmann", "Steffen", "Konrad"}
    unnamed = ContactPerson.objects.filter(first_name="", last_name="")
    assert unnamed.count() == 4
    for person in unnamed:
        assert person.role.endswith(" (Beispiel)") and person.academic_title == "", person
        assert person.email.endswith("@example.org") and not person.phone and not person.photo


def test_every_invented_topic_shows_one_or_two_contacts_named_by_their_function(demo, client):
    seed = TopicPage.objects.get(slug="fluechtlingsarbeit")
    for topic in TopicPage.objects.live().exclude(translation_key=seed.translation_key):
        persons = [link.person for link in topic.contact_person_links.all()]
        assert 1 <= len(persons) <= 2, topic
        html = client.get(topic.url).content.decode()
        for person in persons:
            assert (person.first_name, person.last_name, person.live) == ("", "", True)
            assert person.fachbereich_id == topic.fachbereich_id
            assert f'<h3 class="contact-card__name">{person.role}</h3>' in html, topic
        api = client.get(f"/api/v3/pages/{topic.pk}/").json()["contact_persons"]
        assert [p["name"] for p in api] == [p.role for p in persons]


def test_a_demo_loaded_before_the_invented_contacts_gets_them_once(demo):
    topic = TopicPage.objects.get(slug="pflege")
    topic.contact_person_links = []
    topic.save_revision().publish()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    topic = TopicPage.objects.get(slug="pflege")
    roles = [link.person.role for link in topic.contact_person_links.all()]
    assert roles == ["Referentin Altenhilfe und Pflege (Beispiel)"]
    assert topic.live_revision.content["contact_person_links"]
    before = counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before


def test_topic_page_shows_every_line_of_the_seed(demo, client):
    response = client.get("/themen/fluechtlingsarbeit/")
    assert response.status_code == 200
    html = response.content.decode()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip().rstrip(":")
        if line and line not in NOT_CONTENT:
            assert line in html, f"seed line missing from the page: {line!r}"
    assert 'alt="Drei junge Männer, einer lacht in die Kamera"' in html


def test_pages_exist_at_their_urls(demo, client):
    for path in (
        "/",
        "/themen/",
        "/publikationen/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    ):
        assert client.get(path).status_code == 200, path
    assert "Platzhalter" in client.get("/impressum/").content.decode()


def test_admin_account_logs_in_with_the_environment_password(demo, client):
    # Through the admin's login form: the login throttling (django-axes) needs the request.
    response = client.post("/admin/login/", {"username": "admin", "password": "demo-passwort-123"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_publications_are_real_pdfs_listed_on_the_publications_page(demo, client):
    html = client.get("/publikationen/").content.decode()
    for publication in publications_only(Publication.objects.all()):
        assert publication.title in html
        with publication.file.open("rb") as f:
            assert f.read(5) == b"%PDF-"


def test_the_seed_page_s_translations_are_labelled(demo, client):
    seed = TopicPage.objects.get(slug="fluechtlingsarbeit")
    translations = {
        page.locale.language_code: page for page in seed.get_translations().live().specific()
    }
    assert set(translations) == {"de-x-ls", "en", "ar"}
    for code in ("en", "ar"):
        html = client.get(translations[code].url).content.decode()
        assert "Beispielübersetzung" in html, code
    assert "Beispiel·text" in client.get(translations["de-x-ls"].url).content.decode()
    # Home pages in the three languages, each a translation of the German one.
    home = seed.get_site().root_page
    homes = {page.locale.language_code for page in home.get_translations().live()}
    assert homes == {"de-x-ls", "en", "ar"}
