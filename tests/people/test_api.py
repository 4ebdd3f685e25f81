"""Contact persons, Fachbereiche and Fachgruppen (filtered by Fachbereich, with their lead)."""

from wagtail_factories import ImageFactory

from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory


def test_fachgruppen_filtered_by_fachbereich_with_lead(client, db):
    migration = FachbereichFactory(name="Migration und Flüchtlingsarbeit")
    other = FachbereichFactory(name="Jugendhilfe")
    lead = ContactPersonFactory(
        first_name="David Alexander", last_name="Konrad", photo=ImageFactory()
    )
    FachgruppeFactory(name="Migration, Frauen", fachbereich=migration, lead=lead)
    FachgruppeFactory(name="Jugend", fachbereich=other)

    data = client.get("/api/v3/people/fachgruppen/", {"fachbereich": migration.pk}).json()
    assert data["count"] == 1
    [fachgruppe] = data["items"]
    assert fachgruppe["fachbereich"]["name"] == "Migration und Flüchtlingsarbeit"
    assert fachgruppe["lead"]["name"] == "David Alexander Konrad"
    assert fachgruppe["lead"]["photo"]["renditions"]
    assert client.get("/api/v3/people/fachgruppen/").json()["count"] == 2


def test_contact_person_detail_and_fachbereiche(client, db):
    person = ContactPersonFactory(
        first_name="Janine", last_name="Metelmann", role="Fachreferentin", phone="0202 1234"
    )
    FachbereichFactory(name="Migration")
    data = client.get(f"/api/v3/people/contact-persons/{person.pk}/").json()
    assert (data["name"], data["role"], data["phone"]) == (
        "Janine Metelmann",
        "Fachreferentin",
        "0202 1234",
    )
    assert data["photo"] is None and data["initials"] == "JM"
    names = [f["name"] for f in client.get("/api/v3/people/fachbereiche/").json()["items"]]
    assert names == ["Migration"]


def test_a_contact_named_only_by_its_function_has_that_as_its_name_in_both_apis(
    client, topic_index
):
    from topics.factories import TopicPageContactPersonFactory, TopicPageFactory

    role = "Referentin Kinder- und Jugendhilfe (Beispiel)"
    person = ContactPersonFactory(
        first_name="", last_name="", role=role, email="jugendhilfe@example.org"
    )
    topic = TopicPageFactory(parent=topic_index, slug="jugendhilfe")
    TopicPageContactPersonFactory(page=topic, person=person)
    expected = {
        "id": person.pk,
        "name": role,
        "academic_title": "",
        "first_name": "",
        "last_name": "",
        "initials": "",
        "role": role,
        "role_language": "de",
        "email": "jugendhilfe@example.org",
        "phone": "",
        "photo": None,
    }
    assert client.get(f"/api/v3/people/contact-persons/{person.pk}/").json() == expected
    listing = client.get("/api/v3/people/contact-persons/").json()["items"]
    assert expected in listing
    for version in ("v2", "v3"):
        detail = client.get(f"/api/{version}/pages/{topic.pk}/").json()
        assert detail["contact_persons"] == [expected], version
