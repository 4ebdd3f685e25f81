"""Who may do what in the admin: the permission matrix as data.

One entry per action, each saying which roles may do it. The README's table ("Redaktion →
Berechtigungen") is generated from this module (``python -m governance.matrix`` prints it;
``tests/governance/test_permission_matrix.py`` fails when the README differs) and the same test
asserts every cell through the admin's own URLs, as each role, on the demo content.

"Own" is the Fachbereich of the role's groups (in the demo: "Migration und Flüchtlingsarbeit",
its topic page "Flüchtlingsarbeit"); "other" is another Fachbereich ("Altenhilfe und Pflege",
its topic page "Pflege"). Pages and contact persons are checked with an unpublished draft;
"review" actions on a page submitted to the workflow "Fachliche Prüfung und Redaktion". The
glossary of Leichte Sprache belongs to no Fachbereich ("term": a term of the demo's glossary).
"""

from dataclasses import dataclass

# Role keys and their names in the admin and the README.
ROLES = {
    "mitglied": "Mitglied (nur Website-Login)",
    "fachredaktion": "Fachredaktion",
    "fachpruefung": "Fachprüfung",
    "zentralredaktion": "Zentrale Redaktion",
    "admin": "Administration",
}

_SHORT = {
    "M": "mitglied",
    "FR": "fachredaktion",
    "FP": "fachpruefung",
    "ZR": "zentralredaktion",
    "A": "admin",
}


@dataclass(frozen=True)
class Action:
    """One column of the matrix: an action on the own or another Fachbereich's content."""

    key: str
    area: str
    label: str
    allowed: frozenset

    def allows(self, role):
        return role in self.allowed


def _action(key, area, label, roles):
    return Action(key, area, label, frozenset(_SHORT[r] for r in roles.split()))


CENTRAL = "ZR A"

ACTIONS = (
    # Topic pages (an unpublished draft on a live page).
    _action("page_draft_own", "Seite", "Entwurf ansehen, eigener Fachbereich", "FR ZR A"),
    _action("page_draft_other", "Seite", "Entwurf ansehen, anderer Fachbereich", CENTRAL),
    _action("page_preview_own", "Seite", "Vorschau im Editor, eigener Fachbereich", "FR ZR A"),
    _action("page_preview_other", "Seite", "Vorschau im Editor, anderer Fachbereich", CENTRAL),
    _action("page_edit_own", "Seite", "Bearbeiten, eigener Fachbereich", "FR ZR A"),
    _action("page_edit_other", "Seite", "Bearbeiten, anderer Fachbereich", CENTRAL),
    _action("page_publish_own", "Seite", "Veröffentlichen, eigener Fachbereich", CENTRAL),
    _action("page_publish_other", "Seite", "Veröffentlichen, anderer Fachbereich", CENTRAL),
    _action("page_delete_own", "Seite", "Löschen, eigener Fachbereich", CENTRAL),
    _action("page_delete_other", "Seite", "Löschen, anderer Fachbereich", CENTRAL),
    _action("page_revisions_own", "Seite", "Versionen ansehen und vergleichen, eigener", "FR ZR A"),
    _action("page_revisions_other", "Seite", "Versionen ansehen und vergleichen, anderer", CENTRAL),
    _action("page_history_own", "Seite", "Verlauf, eigener Fachbereich", "FR ZR A"),
    _action("page_history_other", "Seite", "Verlauf, anderer Fachbereich", CENTRAL),
    # The explorer, its sidebar menu and the admin's page search (a live page and a new draft).
    _action("page_listed_own", "Seite", "In der Seitenübersicht, eigener Fachbereich", "FR ZR A"),
    _action("page_listed_other", "Seite", "In der Seitenübersicht, anderer Fachbereich", CENTRAL),
    # Contact persons (a person never published, with two revisions).
    _action("person_listed_own", "Ansprechperson", "Entwurf in der Liste, eigener", "FR ZR A"),
    _action("person_listed_other", "Ansprechperson", "Entwurf in der Liste, anderer", CENTRAL),
    _action("person_preview_own", "Ansprechperson", "Vorschau, eigener Fachbereich", "FR ZR A"),
    _action("person_preview_other", "Ansprechperson", "Vorschau, anderer Fachbereich", CENTRAL),
    _action("person_edit_own", "Ansprechperson", "Bearbeiten, eigener Fachbereich", "FR ZR A"),
    _action("person_edit_other", "Ansprechperson", "Bearbeiten, anderer Fachbereich", CENTRAL),
    _action("person_publish_own", "Ansprechperson", "Veröffentlichen, eigener", CENTRAL),
    _action("person_publish_other", "Ansprechperson", "Veröffentlichen, anderer", CENTRAL),
    _action("person_delete_own", "Ansprechperson", "Löschen, eigener Fachbereich", CENTRAL),
    _action("person_delete_other", "Ansprechperson", "Löschen, anderer Fachbereich", CENTRAL),
    _action(
        "person_revisions_own", "Ansprechperson", "Versionen und Vergleich, eigener", "FR ZR A"
    ),
    _action(
        "person_revisions_other", "Ansprechperson", "Versionen und Vergleich, anderer", CENTRAL
    ),
    _action("person_history_own", "Ansprechperson", "Verlauf, eigener Fachbereich", "FR ZR A"),
    _action("person_history_other", "Ansprechperson", "Verlauf, anderer Fachbereich", CENTRAL),
    # Images and documents, in the own and another Fachbereich's collection.
    _action("image_upload_own", "Medien", "Bild hochladen, eigene Sammlung", "FR ZR A"),
    _action("image_upload_other", "Medien", "Bild hochladen, andere Sammlung", CENTRAL),
    _action("image_choose_own", "Medien", "Bild auswählen, eigene Sammlung", "FR ZR A"),
    _action("image_choose_other", "Medien", "Bild auswählen, andere Sammlung", "FR ZR A"),
    _action("document_upload_own", "Medien", "Dokument hochladen, eigene Sammlung", "FR ZR A"),
    _action("document_upload_other", "Medien", "Dokument hochladen, andere Sammlung", CENTRAL),
    _action("document_choose_own", "Medien", "Dokument auswählen, eigene Sammlung", "FR ZR A"),
    _action("document_choose_other", "Medien", "Dokument auswählen, andere Sammlung", "FR ZR A"),
    # The review workflow: "Fachliche Prüfung" (first task), "Redaktion" (second, publishes).
    _action("review_preview_own", "Workflow", "Entwurf in Prüfung ansehen, eigener", "FP A"),
    _action("review_preview_other", "Workflow", "Entwurf in Prüfung ansehen, anderer", "A"),
    _action("review_approve_own", "Workflow", "Fachlich freigeben, eigener", "FP A"),
    _action("review_approve_other", "Workflow", "Fachlich freigeben, anderer", "A"),
    _action("review_reject_own", "Workflow", "Änderungen anfordern, eigener", "FP A"),
    _action("review_reject_other", "Workflow", "Änderungen anfordern, anderer", "A"),
    _action("publish_task_own", "Workflow", "Redaktion veröffentlicht, eigener", CENTRAL),
    _action("publish_task_other", "Workflow", "Redaktion veröffentlicht, anderer", CENTRAL),
    # The glossary of Leichte Sprache: shared by every Fachbereich and live as saved, so only the
    # Redaktion writes it (governance/registry.py); "Wort erklären" chooses from it.
    _action("glossary_add_term", "Wörterbuch", "Eintrag anlegen", CENTRAL),
    _action("glossary_edit_term", "Wörterbuch", "Eintrag bearbeiten", CENTRAL),
    _action("glossary_delete_term", "Wörterbuch", "Eintrag löschen", CENTRAL),
    _action(
        "glossary_choose_term", "Wörterbuch", "Eintrag auswählen (Wort erklären)", "FR FP ZR A"
    ),
    # Translations of a Fachbereich and its Fachgruppen (their translations only: the
    # Fachbereiche and Fachgruppen themselves are the administration's; content/translated.py).
    _action(
        "fachbereich_translate_own", "Übersetzung", "Fachbereich übersetzen, eigener", "FR ZR A"
    ),
    _action(
        "fachbereich_translate_other", "Übersetzung", "Fachbereich übersetzen, anderer", CENTRAL
    ),
    _action("fachgruppe_translate_own", "Übersetzung", "Fachgruppe übersetzen, eigener", "FR ZR A"),
    _action("fachgruppe_translate_other", "Übersetzung", "Fachgruppe übersetzen, anderer", CENTRAL),
    # Reports: is the own / the other Fachbereich's item listed?
    _action("report_due_own", "Bericht", "Überprüfung fällig zeigt eigene", "FR FP ZR A"),
    _action("report_due_other", "Bericht", "Überprüfung fällig zeigt andere", CENTRAL),
    _action("report_history_own", "Bericht", "Seitenverlauf zeigt eigene", "FR ZR A"),
    _action("report_history_other", "Bericht", "Seitenverlauf zeigt andere", CENTRAL),
    _action("report_workflow_own", "Bericht", "Workflows zeigt eigene", "FR ZR A"),
    _action("report_workflow_other", "Bericht", "Workflows zeigt andere", CENTRAL),
    _action(
        "report_requester_own", "Bericht", "Workflows: „Angefordert von“ nennt eigene", "FR ZR A"
    ),
    _action(
        "report_requester_other", "Bericht", "Workflows: „Angefordert von“ nennt andere", CENTRAL
    ),
    _action("report_aging_own", "Bericht", "Alternde Seiten zeigt eigene", CENTRAL),
    _action("report_aging_other", "Bericht", "Alternde Seiten zeigt andere", CENTRAL),
    _action("report_locked_own", "Bericht", "Gesperrte Seiten zeigt eigene", CENTRAL),
    _action("report_locked_other", "Bericht", "Gesperrte Seiten zeigt andere", CENTRAL),
)

ACTIONS_BY_KEY = {action.key: action for action in ACTIONS}


def allowed(role, action_key):
    """True if ``role`` may do the action ``action_key``."""
    return ACTIONS_BY_KEY[action_key].allows(role)


def cells():
    """Every cell as ``(role, action key, allowed)``, in table order."""
    return [(role, action.key, action.allows(role)) for action in ACTIONS for role in ROLES]


def markdown_table():
    """The matrix as the README shows it: one row per action (the roles side by side, so the
    table stays readable at fifty actions), ✓ allowed, – denied."""
    header = ["Bereich", "Aktion", *ROLES.values()]
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(["---", "---"] + [":---:"] * len(ROLES)) + " |",
    ]
    for action in ACTIONS:
        marks = ["✓" if action.allows(role) else "–" for role in ROLES]
        cells = [action.area, f"{action.label} (`{action.key}`)", *marks]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
