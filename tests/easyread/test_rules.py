"""The rules of Leichte Sprache a program can check (easyread/rules.py), on plain text."""

from easyread.rules import MAX_SENTENCE_WORDS, check_text


def rules(*fragments):
    return [finding.rule for finding in check_text(fragments)]


def test_short_sentences_and_words_pass():
    assert check_text(["Flüchtlinge sind Menschen. Sie mussten fliehen. Wir helfen."]) == []


def test_a_sentence_over_the_limit_is_named_with_its_length():
    sentence = " ".join(["Wort"] * (MAX_SENTENCE_WORDS + 1)) + "."
    (finding,) = check_text([sentence, "Kurz."])
    assert finding.rule == "sentence"
    assert f"{MAX_SENTENCE_WORDS + 1} Wörter" in finding.message


def test_a_sentence_at_the_limit_passes():
    assert rules(" ".join(["Wort"] * MAX_SENTENCE_WORDS) + ".") == []


def test_long_words_need_a_hyphen_or_a_mediopunkt():
    (finding,) = check_text(["Die Asylverfahrensberatung hilft."])
    assert finding.rule == "word"
    assert "Asylverfahrensberatung" in finding.message
    assert rules("Die Asyl-Verfahrens-Beratung hilft.") == []
    assert rules("Die Asyl·verfahrens·beratung hilft.") == []
    assert rules("Die Mitgliedschaft hilft.") == []  # 14 letters: fine


def test_abbreviations_with_and_without_spaces():
    found = check_text(["Zum Beispiel z.B. Kinder, bzw. Eltern, d. h. alle usw."])
    assert [f.rule for f in found] == ["abbreviation"] * 4
    assert "„z.B.“" in found[0].message
    # Words that merely end like an abbreviation are no finding.
    assert rules("Das ist ein Ausweis. Wir helfen Ihnen gerne.") == []


def test_each_finding_once():
    assert rules("Die Asylverfahrensberatung.", "Die Asylverfahrensberatung.") == ["word"]
