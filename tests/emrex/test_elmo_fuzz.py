"""Hypothesis on the ELMO path (issue 6, "Bad input"): decode → gunzip → parse → verify → read,
fed arbitrary bytes, mutations of the real signed sample's base64 and gzip, and mutated XML
that is then correctly signed with the test key. Only the module's declared rejection errors
(``ElmoError``, which the view answers with 400) may come out; and through ``POST /emrex/return``
no 5xx and, for rejected input, no transcript, attachment or file written.

Reproducible without ``derandomize``: Hypothesis prints the falsifying example and a
``@reproduce_failure`` blob (``print_blob``); the example database is off, so a run never
depends on an earlier one."""

from __future__ import annotations

import base64
import gzip
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from app.emrex import elmo
from app.extensions import db
from tests.support.rows import files_on_disk, table_counts
from tests.support.signing import MINIMAL, field, make_key, sign

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "emrex"
SIGNED = (FIXTURES / "dk-stads-signed-VALID.xml").read_bytes()
SIGNED_FIELD = (FIXTURES / "dk-stads-signed-VALID.elmo-field.txt").read_text()
DS = "{http://www.w3.org/2000/09/xmldsig#}"
NS = "{https://github.com/emrex-eu/elmo-schemas/tree/v1}"
KEY_PEM, CERT_PEM = make_key()

FUZZ = settings(max_examples=150, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


#: Through the endpoint each example is a request, a hand-off and (when accepted) an import and
#: a new application: fewer examples keep each test under ~30 s on a busy 2-core machine.
FUZZ_HTTP = settings(FUZZ, max_examples=60)


def _sample_cert() -> str:
    root = etree.fromstring(SIGNED)
    b64 = "".join(root.find(f".//{DS}X509Certificate").text.split())
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(textwrap.wrap(b64, 64)) + "\n-----END CERTIFICATE-----\n"


SAMPLE_CERT = _sample_cert()


def through_the_path(value, certificates: list[str]):
    """What ``services.returns._import`` runs before it writes: an ElmoError is the declared answer."""
    try:
        root = elmo.parse_xml(elmo.decode_elmo_field(value))
        elmo.verify_signature(root, certificates)
        transcript = elmo.parse_transcript(root)
        elmo.validate_schema(root)
        elmo.total_ects(transcript)
        for report in transcript.reports:
            for attachment in report.attachments:
                _ = attachment.data
        return transcript
    except elmo.ElmoError as exc:
        assert exc.reason and str(exc)  # a short code and a message the candidate can read
        return None


# ---------------------------------------------------------------- mutations

def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply (position, delete-length, insert) edits; positions wrap around the data."""
    out = bytearray(data)
    for pos, length, insert in edits:
        pos = pos % (len(out) + 1)
        out[pos:pos + length] = insert
    return bytes(out)


edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.binary(max_size=6)), min_size=1,
                 max_size=4)


@FUZZ
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
@example(b"")
@example("====")
@example(base64.b64encode(b"\x1f\x8b"))
@example(base64.b64encode(gzip.compress(b"")))
@example(base64.b64encode(gzip.compress(b"\x00" * 10)))
def test_arbitrary_field_values_are_rejected_cleanly(value):
    assert through_the_path(value, [SAMPLE_CERT]) is None


@FUZZ
@given(edits)
def test_mutated_base64_of_the_real_sample(changes):
    value = _mutate(SIGNED_FIELD.encode(), changes)
    transcript = through_the_path(value, [SAMPLE_CERT])
    if transcript is not None:  # only a mutation that decodes to the very same signed document verifies
        assert elmo.decode_elmo_field(value) == SIGNED


GZ = gzip.compress(SIGNED, mtime=0)


@FUZZ
@given(edits)
def test_mutated_gzip_of_the_real_sample(changes):
    compressed = _mutate(GZ, changes)
    transcript = through_the_path(base64.b64encode(compressed), [SAMPLE_CERT])
    if transcript is not None:
        assert elmo.gunzip_capped(compressed, elmo.MAX_ELMO_BYTES) == SIGNED


# ---------------------------------------------------------------- mutated XML, correctly signed

xml_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
numbers = st.one_of(st.decimals(allow_nan=True, allow_infinity=True).map(str),
                    st.sampled_from(["1e999999", "-1E+400", "1,5", "5.", ".5", "  7 ", "0x10", "٣", "NaN", "Infinity",
                                     "9" * 80, "1e-999999", "-0"]), xml_text)
dates = st.one_of(st.dates().map(str), st.sampled_from(["0000-00-00", "9999-12-31T25:61:00Z", "2026-02-30",
                                                        "2026-01-01T10:00:00+99:00", "-2026-01-01", ""]), xml_text)
TARGETS = {  # where a drawn value lands in MINIMAL: element path (text) or (path, attribute)
    "given": f"{NS}learner/{NS}givenNames", "family": f"{NS}learner/{NS}familyName", "bday": f"{NS}learner/{NS}bday",
    "generated": f"{NS}generatedDate", "country": f"{NS}report/{NS}issuer/{NS}country",
    "schac": f"{NS}report/{NS}issuer/{NS}identifier", "institution": f"{NS}report/{NS}issuer/{NS}title",
    "course": f"{NS}report/{NS}learningOpportunitySpecification/{NS}title",
    "type": f"{NS}report/{NS}learningOpportunitySpecification/{NS}type",
    "status": f".//{NS}learningOpportunityInstance/{NS}status",
    "grade": f".//{NS}learningOpportunityInstance/{NS}resultLabel",
    "scheme": f".//{NS}credit/{NS}scheme", "credits": f".//{NS}credit/{NS}value",
    "issued": f"{NS}report/{NS}issueDate",
}
values = st.fixed_dictionaries({}, optional={
    "given": xml_text, "family": xml_text, "bday": dates, "generated": dates, "country": xml_text,
    "schac": xml_text, "institution": xml_text, "course": xml_text,
    "type": st.one_of(st.sampled_from(["Degree Programme", "Module", "Course", "degree", ""]), xml_text),
    "status": st.one_of(st.sampled_from(["passed", "failed", "in-progress", "PASSED"]), xml_text),
    "grade": st.one_of(st.sampled_from(["5", "A", "B+", "hyväksytty", "pass", "12", "-3", "4,5"]), xml_text),
    "scheme": st.one_of(st.just("ECTS"), xml_text), "credits": numbers, "issued": dates})
structure = st.lists(st.sampled_from(["drop-learner", "drop-report", "dup-report", "dup-course", "nest-course",
                                      "attachment-pdf", "attachment-bad", "attachment-html", "unknown-element",
                                      "lang-attrs", "no-namespace-child", "comment-in-name"]), max_size=4)


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters at all: lxml refuses them on input, so a
    contact point could never sign them. Keep what is representable."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF)))


def build(drawn: dict, changes: list[str]) -> bytes:
    root = etree.fromstring(MINIMAL)
    for key, value in drawn.items():
        node = root.find(TARGETS[key])
        if node is not None:
            node.text = _xml_safe(value)
    report = root.find(f"{NS}report")
    los = report.find(f"{NS}learningOpportunitySpecification")
    for change in changes:
        if change == "drop-learner" and root.find(f"{NS}learner") is not None:
            root.remove(root.find(f"{NS}learner"))
        elif change == "drop-report" and root.find(f"{NS}report") is not None:
            root.remove(root.find(f"{NS}report"))
        elif change == "dup-report":
            root.append(etree.fromstring(etree.tostring(report)))
        elif change == "dup-course":
            report.insert(1, etree.fromstring(etree.tostring(los)))
        elif change == "nest-course":
            part = etree.SubElement(los, f"{NS}hasPart")
            part.append(etree.fromstring(etree.tostring(los)))
        elif change.startswith("attachment-"):
            attachment = etree.SubElement(report, f"{NS}attachment")
            etree.SubElement(attachment, f"{NS}title").text = "Diploma supplement"
            etree.SubElement(attachment, f"{NS}type").text = "Diploma Supplement"
            content = {"attachment-pdf": "data:application/pdf;base64," + base64.b64encode(b"%PDF-1.4\n%%EOF").decode(),
                       "attachment-bad": "data:application/pdf;base64,%%%not base64",
                       "attachment-html": "data:text/html;base64," + base64.b64encode(b"<script>x</script>").decode()}
            etree.SubElement(attachment, f"{NS}content").text = content[change]
        elif change == "unknown-element":
            etree.SubElement(root, f"{NS}extension").text = "?"
        elif change == "lang-attrs":
            for title in root.iter(f"{NS}title"):
                title.set("{http://www.w3.org/XML/1998/namespace}lang", "EN-gb")
        elif change == "no-namespace-child":
            etree.SubElement(report, "learningOpportunitySpecification").text = "bare"
        elif change == "comment-in-name":
            given = root.find(f"{NS}learner/{NS}givenNames")
            if given is not None:
                given.append(etree.Comment("x"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@FUZZ
@given(values, structure)
@example({"credits": "1e999999"}, [])
@example({"credits": "9" * 80}, ["dup-course"])
@example({"bday": "0000-00-00", "generated": "9999-12-31T25:61:00Z"}, ["attachment-bad"])
def test_mutated_xml_signed_with_the_test_key_is_read_or_rejected(drawn, changes):
    document = sign(build(drawn, changes), KEY_PEM, CERT_PEM)
    transcript = through_the_path(field(document), [CERT_PEM])
    assert transcript is not None  # correctly signed ELMO always verifies; reading it never raises
    _, other_cert = make_key_once()
    assert through_the_path(field(document), [other_cert]) is None  # …and never with another key


_OTHER: list = []


def make_key_once():
    if not _OTHER:
        _OTHER.append(make_key())
    return _OTHER[0]


# ---------------------------------------------------------------- through POST /emrex/return

@pytest.fixture
def returns(app, make, mailbox):
    """Hand-offs to a contact point whose registry certificate is the test key; each call
    gives a fresh, open ``sessionId`` (a new application once a request has completed)."""
    from app.emrex import services
    from app.emrex.models import EmrexContactPoint, EmrexCountry

    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    db.session.add(EmrexCountry(code="FI", name="Finland"))
    point = EmrexContactPoint(url="https://emp.example.fi/helsinki", country_code="FI", acronym="HY",
                              institutions=["University of Helsinki"], certificates=[CERT_PEM])
    db.session.add(point)
    db.session.commit()
    job = make.job(company, "Trainee")
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=False)
    state = {"request": None}

    def new_session() -> str:
        request = state["request"]
        if request is None or not request.is_open:
            application = make.application(job, given="Aino", family="Virtanen")
            request = state["request"] = services.open_request(application.id)
        return services.start_attempt(request, point.id, None).session_id

    return new_session


#: What a rejected return may write: the attempt is closed (updated, not added), and the request's
#: history and the application's timeline each get one line saying so. Nothing else.
REJECTION_BOOKKEEPING = {"emrex_request_events": 1, "timeline_events": 1}


def _post_return(client, session_id: str, value) -> tuple:
    before, disk = table_counts(), files_on_disk()
    resp = client.post("/emrex/return", data={"sessionId": session_id, "returnCode": "NCP_OK", "elmo": value})
    db.session.expire_all()
    after = table_counts()
    changed = {name: after[name] - before[name] for name in after if after[name] != before[name]}
    return resp, changed, files_on_disk() - disk


@FUZZ_HTTP
@given(st.one_of(st.binary(max_size=500).map(lambda b: base64.b64encode(b).decode()),
                 st.builds(lambda changes: _mutate(SIGNED_FIELD.encode(), changes).decode("latin-1"), edits),
                 st.builds(lambda changes: base64.b64encode(_mutate(GZ, changes)).decode(), edits),
                 st.text(max_size=300)))
def test_return_endpoint_rejects_bad_fields_with_400_and_writes_nothing(client, returns, value):
    session_id = returns()
    resp, changed, new_files = _post_return(client, session_id, value)
    assert resp.status_code == 400, (resp.status_code, value[:200])
    assert changed == REJECTION_BOOKKEEPING and new_files == 0


@FUZZ_HTTP
@given(values, structure)
@example({"credits": "1e999999"}, [])
@example({"credits": "9" * 80}, ["dup-course"])
@example({"given": "A" * 60, "institution": "x" * 60}, ["dup-report", "attachment-pdf"])
def test_return_endpoint_stores_signed_mutations_once_or_rejects_them(client, returns, drawn, changes):
    value = field(sign(build(drawn, changes), KEY_PEM, CERT_PEM))
    session_id = returns()
    resp, changed, new_files = _post_return(client, session_id, value)
    assert resp.status_code in (200, 400), resp.status_code
    if resp.status_code == 400:
        assert changed == REJECTION_BOOKKEEPING and new_files == 0
    else:
        assert changed.get("emrex_transcripts") == 1 and new_files >= 1
        again, changed, new_files = _post_return(client, session_id, value)  # a replay stores nothing
        assert again.status_code == 400 and changed == {} and new_files == 0


def test_unknown_session_writes_nothing(client, returns):
    returns()
    resp, changed, new_files = _post_return(client, "0" * 32, field(sign(MINIMAL, KEY_PEM, CERT_PEM)))
    assert resp.status_code == 400 and changed == {} and new_files == 0
