"""within_document: one document states the same series twice with values that cannot both hold."""
from __future__ import annotations

from conftest import problems, text_claims


def test_two_values_for_one_statement():
    [problem] = problems("within_document", """
        doc | quote  | as_of      | sentence
        a   | 27,708 | 2024-02-07 | headline
        a   | 27,000 | 2024-02-07 | body
    """)
    assert "line 1" in problem.message and "line 2" in problem.message and "209 apart" in problem.message


def test_headline_and_body_agreeing_pass():
    assert problems("within_document", """
        doc | quote         | metric    | place | as_of      | sentence
        a   | 80,000        | displaced | rafah | 2024-05-09 | headline
        a   | around 80,000 | displaced | rafah | 2024-05-09 | body
    """) == []


def test_two_named_sources_are_reported_not_contradicted():
    assert problems("within_document", """
        doc | quote | place  | as_of      | source            | sentence
        a   | 1,200 | israel | 2023-11-10 | israeli_officials | one
        a   | 1,400 | israel | 2023-11-10 | hamas             | two
    """) == []


def test_unattributed_figure_against_a_named_one():
    assert len(problems("within_document", """
        doc | quote  | as_of      | source               | sentence
        a   | 27,708 | 2024-02-07 | gaza_health_ministry | one
        a   | 25,000 | 2024-02-07 | unattributed         | two
    """)) == 1


def test_different_dates_or_documents_are_different_statements():
    assert problems("within_document", """
        doc | quote  | as_of      | sentence
        a   | 27,708 | 2024-02-07 | one
        a   | 25,000 | 2024-01-20 | two
        b   | 25,000 | 2024-02-07 | one
    """) == []


def test_vague_plurals_never_raise():
    assert problems("within_document", """
        doc | quote     | as_of      | sentence
        a   | 27,708    | 2024-02-07 | one
        a   | thousands | 2024-02-07 | two
    """) == []


def test_two_counts_in_one_sentence_are_different_counts():
    assert problems("within_document", """
        doc | quote | place   | as_of      | sentence
        a   | 9     | lebanon | 2024-10-04 | 9 were killed in the strike, 1,974 since the war began
        a   | 1,974 | lebanon | 2024-10-04 | 9 were killed in the strike, 1,974 since the war began
    """) == []


def test_contradiction_in_real_text():
    claims = text_claims(("Gaza death toll passes 27,708\n\nThe health ministry in Gaza said on Wednesday that "
                          "25,000 people have been killed since October 7.", "2024-02-07"))
    assert len(problems("within_document", claims)) == 1
