"""email templates: merge fields by substitution only (no Jinja on tenant text)

Revision ID: 8d1c2e0f7a42
Revises: 59266c8c7dad
Create Date: 2026-12-06 07:10:00

Converts every stored email template to the merge-field syntax of app/messaging/rendering.py:
``{{ field }}`` stays; ``{{ field|e }}`` (and the no-op filters escape, safe, string, trim)
and ``{{field}}`` become ``{{ field }}``; Jinja comments are dropped. Anything else (``{%``
tags, whitespace control, other filters, attributes, expressions, unknown names, stray
braces) cannot be converted: the template is reset to the default for its key and language
(the global template in the database, else the shipped text frozen below; failing both, the
same in English; for a key with no default at all, its own text with the template code
removed). Its old text is kept in ``legacy_subject``/``legacy_body`` with ``reset_at`` set, so
the admin sees a notice, and an audit entry is written. A converted
template gets an audit entry too. Downgrade puts the old text back.

Self-contained on purpose: it does not import app code, which will change after it.
"""
import re
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '8d1c2e0f7a42'
down_revision = '59266c8c7dad'
branch_labels = None
depends_on = None

FIELDS = {"candidate_name", "candidate_given_name", "job_title", "company_name", "stage_name", "job_url",
          "careers_url", "link"}
NOOP_FILTERS = {"e", "escape", "safe", "string", "trim"}
MAX_TEMPLATE_CHARS = 20_000

_LEGACY = re.compile(r"\{\{(.*?)\}\}|\{#.*?#\}|\{%.*?%\}", re.DOTALL)
_EXPR = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*((?:\|\s*[A-Za-z_]+\s*)*)$")
_MARK = re.compile(r"\{\{|\}\}|\{%|\{#")
_FIELD = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

# The shipped defaults as they were when this revision was written: (key, locale) → (subject, body).
SHIPPED = {
    ('application_received', 'en'): (
        'We received your application: {{ job_title }}',
        ('Hello {{ candidate_given_name }},\n'
         '\n'
         'Thank you for applying for {{ job_title }} at {{ company_name }}. We will be in touch.\n'
         '\n'
         'The job: {{ job_url }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('application_received', 'fi'): (
        'Hakemuksesi on vastaanotettu: {{ job_title }}',
        ('Hei {{ candidate_given_name }},\n'
         '\n'
         'Kiitos hakemuksestasi tehtävään {{ job_title }} ({{ company_name }}). Olemme yhteydessä.\n'
         '\n'
         'Tehtävä: {{ job_url }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('application_received', 'sv'): (
        'Vi har tagit emot din ansökan: {{ job_title }}',
        ('Hej {{ candidate_given_name }},\n'
         '\n'
         'Tack för din ansökan till {{ job_title }} hos {{ company_name }}. Vi hör av oss.\n'
         '\n'
         'Tjänsten: {{ job_url }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('application_received', 'vi'): (
        'Chúng tôi đã nhận được hồ sơ của bạn: {{ job_title }}',
        ('Xin chào {{ candidate_given_name }},\n'
         '\n'
         'Cảm ơn bạn đã ứng tuyển vị trí {{ job_title }} tại {{ company_name }}. Chúng tôi sẽ liên '
         'hệ với bạn.\n'
         '\n'
         'Vị trí: {{ job_url }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('interview_invitation', 'en'): (
        'Interview: {{ job_title }} at {{ company_name }}',
        ('Hello {{ candidate_given_name }},\n'
         '\n'
         'We would like to invite you to an interview for {{ job_title }}. We will send you a time '
         'shortly.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('rejection', 'en'): (
        'Your application for {{ job_title }}',
        ('Hello {{ candidate_given_name }},\n'
         '\n'
         'Thank you for your interest in {{ job_title }}. We have decided to move forward with '
         'other candidates.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('notification', 'en'): (
        '{{ job_title }}',
        ('{{ link }}\n'),
    ),
    ('emrex_invite', 'en'): (
        '{{ company_name }} asks for your study records: {{ job_title }}',
        ('Hello {{ candidate_given_name }},\n'
         '\n'
         'Thank you for applying for {{ job_title }}. You can send us your study records straight '
         'from your university with EMREX: they arrive signed by the university, so you do not need '
         'to upload certificates.\n'
         '\n'
         'Start here: {{ link }}\n'
         '\n'
         'You choose your country and university, log in there and pick what to share. If you do '
         'not want to share your records, the same page has a link to say no.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_invite', 'fi'): (
        '{{ company_name }} pyytää opintotietojasi: {{ job_title }}',
        ('Hei {{ candidate_given_name }},\n'
         '\n'
         'Kiitos hakemuksestasi tehtävään {{ job_title }}. Voit lähettää opintotietosi suoraan '
         'korkeakoulustasi EMREX-palvelulla: ne tulevat korkeakoulun allekirjoittamina, joten '
         'todistuksia ei tarvitse ladata.\n'
         '\n'
         'Aloita tästä: {{ link }}\n'
         '\n'
         'Valitset maan ja korkeakoulun, kirjaudut sinne ja valitset, mitä jaat. Jos et halua jakaa '
         'tietojasi, samalla sivulla on linkki kieltäytymiseen.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_invite', 'sv'): (
        '{{ company_name }} ber om dina studieresultat: {{ job_title }}',
        ('Hej {{ candidate_given_name }},\n'
         '\n'
         'Tack för din ansökan till {{ job_title }}. Du kan skicka dina studieresultat direkt från '
         'ditt lärosäte med EMREX: de kommer signerade av lärosätet, så du behöver inte ladda upp intyg.\n'
         '\n'
         'Börja här: {{ link }}\n'
         '\n'
         'Du väljer land och lärosäte, loggar in där och väljer vad du delar. Vill du inte dela '
         'dina resultat finns en länk för att tacka nej på samma sida.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_invite', 'vi'): (
        '{{ company_name }} đề nghị bạn chia sẻ kết quả học tập: {{ job_title }}',
        ('Xin chào {{ candidate_given_name }},\n'
         '\n'
         'Cảm ơn bạn đã ứng tuyển vị trí {{ job_title }}. Bạn có thể gửi kết quả học tập trực tiếp '
         'từ trường của mình qua EMREX: dữ liệu được trường ký xác nhận, nên bạn không cần tải lên '
         'bằng cấp.\n'
         '\n'
         'Bắt đầu tại đây: {{ link }}\n'
         '\n'
         'Bạn chọn quốc gia và trường, đăng nhập tại đó và chọn nội dung muốn chia sẻ. Nếu không '
         'muốn chia sẻ, trang này cũng có liên kết để từ chối.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_reminder', 'en'): (
        'Reminder: your study records for {{ job_title }}',
        ('Hello {{ candidate_given_name }},\n'
         '\n'
         'A reminder that you can still send your study records for {{ job_title }} with EMREX: {{ link }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_reminder', 'fi'): (
        'Muistutus: opintotietosi tehtävään {{ job_title }}',
        ('Hei {{ candidate_given_name }},\n'
         '\n'
         'Muistutuksena: voit yhä lähettää opintotietosi tehtävään {{ job_title }} '
         'EMREX-palvelulla: {{ link }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_reminder', 'sv'): (
        'Påminnelse: dina studieresultat för {{ job_title }}',
        ('Hej {{ candidate_given_name }},\n'
         '\n'
         'En påminnelse om att du fortfarande kan skicka dina studieresultat för {{ job_title }} '
         'med EMREX: {{ link }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('emrex_reminder', 'vi'): (
        'Nhắc nhở: kết quả học tập cho vị trí {{ job_title }}',
        ('Xin chào {{ candidate_given_name }},\n'
         '\n'
         'Bạn vẫn có thể gửi kết quả học tập cho vị trí {{ job_title }} qua EMREX: {{ link }}\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('assessment_invite', 'en'): (
        '{{ company_name }}: an assessment for {{ job_title }}',
        ('Hello {{ candidate_given_name }},\n'
         '\n'
         'Thank you for applying for {{ job_title }} at {{ company_name }}. As the next step we ask '
         'you to take a short online assessment from our partner Alva Labs.\n'
         '\n'
         'Start the test here: {{ link }}\n'
         '\n'
         'The link is personal. Your result is sent to us when you finish.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('assessment_invite', 'fi'): (
        '{{ company_name }}: arviointitesti tehtävään {{ job_title }}',
        ('Hei {{ candidate_given_name }},\n'
         '\n'
         'Kiitos hakemuksestasi tehtävään {{ job_title }} ({{ company_name }}). Seuraavaksi '
         'pyydämme sinua tekemään lyhyen verkkotestin kumppanimme Alva Labsin palvelussa.\n'
         '\n'
         'Aloita testi tästä: {{ link }}\n'
         '\n'
         'Linkki on henkilökohtainen. Tuloksesi tulee meille, kun olet valmis.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('assessment_invite', 'sv'): (
        '{{ company_name }}: ett test för {{ job_title }}',
        ('Hej {{ candidate_given_name }},\n'
         '\n'
         'Tack för din ansökan till {{ job_title }} hos {{ company_name }}. Som nästa steg ber vi '
         'dig göra ett kort onlinetest hos vår partner Alva Labs.\n'
         '\n'
         'Starta testet här: {{ link }}\n'
         '\n'
         'Länken är personlig. Ditt resultat skickas till oss när du är klar.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
    ('assessment_invite', 'vi'): (
        '{{ company_name }}: bài đánh giá cho vị trí {{ job_title }}',
        ('Xin chào {{ candidate_given_name }},\n'
         '\n'
         'Cảm ơn bạn đã ứng tuyển vị trí {{ job_title }} tại {{ company_name }}. Bước tiếp theo, '
         'chúng tôi mời bạn làm một bài đánh giá trực tuyến ngắn của đối tác Alva Labs.\n'
         '\n'
         'Bắt đầu bài đánh giá tại đây: {{ link }}\n'
         '\n'
         'Đường liên kết này là của riêng bạn. Kết quả sẽ được gửi cho chúng tôi khi bạn hoàn thành.\n'
         '\n'
         '{{ company_name }}\n'),
    ),
}


def _field(expr: str) -> str | None:
    """``{{ expr }}`` → the new ``{{ field }}``, or None when it is more than a field."""
    if expr.startswith("-") or expr.endswith("-"):
        return None
    match = _EXPR.match(expr)
    if match is None or match.group(1) not in FIELDS:
        return None
    filters = [f.strip() for f in match.group(2).split("|") if f.strip()]
    if any(f not in NOOP_FILTERS for f in filters):
        return None
    return "{{ " + match.group(1) + " }}"


def convert(text: str) -> str | None:
    """The text in merge-field syntax, or None when it cannot be converted."""
    out, pos = [], 0
    for match in _LEGACY.finditer(text):
        out.append(text[pos:match.start()])
        token = match.group()
        if token.startswith("{#"):
            pass
        elif token.startswith("{%"):
            return None
        else:
            field = _field(match.group(1))
            if field is None:
                return None
            out.append(field)
        pos = match.end()
    out.append(text[pos:])
    result = "".join(out)
    return result if valid(result) else None


def valid(text: str) -> bool:
    pos = 0
    while (mark := _MARK.search(text, pos)) is not None:
        field = _FIELD.match(text, mark.start())
        if field is None or field.group(1) not in FIELDS:
            return False
        pos = field.end()
    return True


def strip(text: str) -> str:
    """Last resort for a key with no default: convertible fields kept, the rest removed."""
    out, pos = [], 0
    for match in _LEGACY.finditer(text):
        out.append(_plain(text[pos:match.start()]))
        if match.group().startswith("{{"):
            out.append(_field(match.group(1)) or "")
        pos = match.end()
    out.append(_plain(text[pos:]))
    return "".join(out)


def _plain(text: str) -> str:
    while _MARK.search(text):
        text = _MARK.sub("", text)
    return text


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def upgrade():
    with op.batch_alter_table('email_templates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reset_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('legacy_subject', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('legacy_body', sa.Text(), nullable=True))

    templates = sa.table('email_templates', sa.column('id', sa.Integer), sa.column('company_id', sa.Integer),
                         sa.column('key', sa.String), sa.column('locale', sa.String), sa.column('subject', sa.String),
                         sa.column('body', sa.Text), sa.column('reset_at', sa.DateTime),
                         sa.column('legacy_subject', sa.Text), sa.column('legacy_body', sa.Text))
    audit = sa.table('audit_entries', sa.column('company_id', sa.Integer), sa.column('actor', sa.String),
                     sa.column('object', sa.String), sa.column('action', sa.String), sa.column('before', sa.JSON),
                     sa.column('after', sa.JSON), sa.column('at', sa.DateTime))
    conn = op.get_bind()
    rows = conn.execute(sa.select(templates.c.id, templates.c.company_id, templates.c.key, templates.c.locale,
                                  templates.c.subject, templates.c.body)
                        .order_by(templates.c.company_id.is_not(None), templates.c.id)).all()
    now = _now()
    defaults: dict[tuple[str, str], tuple[str, str]] = {}  # the global templates, once converted

    for row in rows:  # global templates first: they are the defaults the company ones reset to
        subject, body = convert(row.subject), convert(row.body)
        if subject is not None and body is not None and len(subject) + len(body) <= MAX_TEMPLATE_CHARS:
            action = "email_template_converted" if (subject, body) != (row.subject, row.body) else None
            values = {"subject": subject, "body": body}
        else:
            action = "email_template_reset"
            subject, body = _default(row, defaults)
            values = {"subject": subject, "body": body, "reset_at": now, "legacy_subject": row.subject,
                      "legacy_body": row.body}
        if row.company_id is None:
            defaults.setdefault((row.key, row.locale), (subject, body))
        if action is None:
            continue
        conn.execute(templates.update().where(templates.c.id == row.id).values(**values))
        conn.execute(audit.insert().values(
            company_id=row.company_id, actor="system", object=f"email_template:{row.id}", action=action,
            before={"subject": row.subject, "body": row.body}, after={"subject": subject, "body": body}, at=now))


def _default(row, defaults: dict) -> tuple[str, str]:
    for source, locale in ((defaults, row.locale), (SHIPPED, row.locale), (defaults, "en"), (SHIPPED, "en")):
        if row.company_id is None and source is defaults:
            continue
        found = source.get((row.key, locale))
        if found is not None:
            return found
    return strip(row.subject)[:300], strip(row.body)[:MAX_TEMPLATE_CHARS]


def downgrade():
    templates = sa.table('email_templates', sa.column('id', sa.Integer), sa.column('subject', sa.String),
                         sa.column('body', sa.Text), sa.column('reset_at', sa.DateTime),
                         sa.column('legacy_subject', sa.Text), sa.column('legacy_body', sa.Text))
    conn = op.get_bind()
    conn.execute(templates.update().where(templates.c.reset_at.is_not(None))
                 .values(subject=templates.c.legacy_subject, body=templates.c.legacy_body))
    with op.batch_alter_table('email_templates', schema=None) as batch_op:
        batch_op.drop_column('legacy_body')
        batch_op.drop_column('legacy_subject')
        batch_op.drop_column('reset_at')
