"""The web app's API through Starlette's test client: a seed article checked as a draft against the
other seeds, the answer `check --format json` gives plus the verdicts, and bad input refused with
a clear message and the right status.
"""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra (starlette) is not installed")

from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from checker.cli import cli  # noqa: E402
from checker.rules import load_rules  # noqa: E402
from checker.web import create_app, load_archive  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DRAFT = SEEDS / "002_cc32f45a2671bbb4.txt"
LIMIT = 50_000


@pytest.fixture(scope="module")
def client():
    rules = load_rules(None)
    archive = load_archive(sorted(str(p) for p in SEEDS.glob("*.txt") if p != DRAFT), rules)
    return TestClient(create_app(archive, rules, max_bytes=LIMIT))


def draft_date() -> str:
    """The draft's publication date, from the seeds' manifest (a pasted draft carries none)."""
    row = next(line for line in (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines()
               if line.startswith(DRAFT.stem))
    return row.split(",")[4]


def test_the_page_is_self_contained(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    # works offline: no stylesheet, script, font or image fetched from anywhere
    for needle in ("<link", "src=", "@import", "url(", "http://", "https://"):
        assert needle not in page.text, needle


def test_a_pasted_draft_gets_what_check_json_gives_plus_verdicts(client, tmp_path):
    text = DRAFT.read_text(encoding="utf-8")
    answer = client.post("/api/check", json={"text": text, "date": draft_date()})
    assert answer.status_code == 200
    data = answer.json()
    # the same draft on the command line, under the same name, against the same archive
    (tmp_path / "draft.txt").write_text(text, encoding="utf-8")
    archive = [str(p) for p in sorted(SEEDS.glob("*.txt")) if p != DRAFT]
    args = ["check", str(tmp_path / "draft.txt"), "--date", draft_date(), "--format", "json", "--fail-on", "never"]
    cli_data = json.loads(CliRunner().invoke(cli, args + [a for p in archive for a in ("--archive", p)]).output)

    def strip(records):  # the paths differ (pasted vs file); everything else is the same
        return json.loads(json.dumps(records).replace(str(tmp_path / "draft.txt"), "draft"))

    assert strip(cli_data["findings"]) == data["findings"]
    assert strip(cli_data["verdicts"]) == data["verdicts"]
    assert data["draft"] == {"name": "draft", "text": text, "date": draft_date()}
    for v in data["verdicts"]:
        assert text[v["start"]:v["end"]] == v["quote"]
    assert sum(data["counts"].values()) == len(data["verdicts"]) > 0


def test_an_uploaded_html_draft_is_read_as_its_text(client):
    html = (b"<html><head><style>p{}</style></head><body><p>According to Gaza's Health Ministry, "
            b"27,840 people have been killed.</p></body></html>")
    answer = client.post("/api/check", files={"file": ("draft.html", html, "text/html")}, data={"date": draft_date()})
    assert answer.status_code == 200
    data = answer.json()
    assert data["draft"]["text"] == "According to Gaza's Health Ministry, 27,840 people have been killed."
    assert [(v["quote"], v["source"]) for v in data["verdicts"]] == [("27,840", "gaza_health_ministry")]


@pytest.mark.parametrize("request_kwargs, status, words", [
    ({"json": {"text": "   \n"}}, 422, "empty"),
    ({"json": {"date": "2024-02-08"}}, 422, "empty"),
    ({"data": {"text": ""}}, 422, "empty"),
    ({"json": {"text": "x" * (LIMIT + 1)}}, 413, "too large"),
    ({"files": {"file": ("draft.txt", b"x" * (LIMIT + 1))}}, 413, "too large"),
    ({"files": {"file": ("draft.txt", b"GIF89a\x00\x01\x02")}}, 415, "binary"),
    ({"files": {"file": ("draft.txt", "Plus de 27\u202f840 morts".encode("latin-1", "replace") + b"\xe9\xff")}}, 415, "UTF-8"),
    ({"files": {"file": ("draft.pdf", b"%PDF-1.7")}}, 415, ".txt, .md or .html"),
    ({"content": b'{"text": "27,840 killed', "headers": {"content-type": "application/json"}}, 400, "Malformed JSON"),
    ({"json": ["27,840 killed"]}, 400, "JSON object"),
    ({"json": {"text": 27840}}, 400, "JSON object"),
    ({"json": {"text": "27,840 killed", "date": "8 February"}}, 400, "YYYY-MM-DD"),
    ({"content": b"27,840 killed", "headers": {"content-type": "text/plain"}}, 415, "JSON or as a form"),
    ({"json": {"text": "<!-- casualty-check: ignore=nonsense -->\n27,840 killed"}}, 422, "nonsense"),
])
def test_bad_input_gets_a_clear_message_and_status(client, request_kwargs, status, words):
    answer = client.post("/api/check", **request_kwargs)
    assert answer.status_code == status
    assert words in answer.json()["error"]


def test_a_request_cannot_make_the_server_read_a_file(client):
    # a path in place of the text is checked as text, never opened
    answer = client.post("/api/check", json={"text": str(SEEDS / "001_c3b61f25a628ea79.txt")})
    assert answer.status_code == 200 and answer.json()["verdicts"] == []
    answer = client.post("/api/check", files={"file": ("../../seeds/001_c3b61f25a628ea79.txt", b"Nothing here.")})
    assert answer.json()["draft"] == {"name": "001_c3b61f25a628ea79.txt", "text": "Nothing here.",
                                      "date": answer.json()["draft"]["date"]}


def test_only_the_named_hosts_are_answered():
    rules = load_rules(None)
    app = create_app(load_archive([], rules), rules, hosts=["127.0.0.1", "localhost"])
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://attacker.example").get("/").status_code == 400


def test_serve_refuses_an_unreadable_archive_and_a_busy_port(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--archive", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "missing" in result.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and f"127.0.0.1:{port}: cannot listen" in result.output
