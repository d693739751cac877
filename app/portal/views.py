"""Candidate portal: careers pages and the apply form. Works without JavaScript."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app import request_limits
from app.accounts import queries as accounts
from app.accounts.models import Company
from app.applications import files, share_links
from app.applications import services as applications
from app.extensions import limiter
from app.jobs import queries as jobs
from app.jobs import search, structured
from app.jobs.models import Job
from app.jobs.public import public_stamp
from app.links import external_url
from app.portal import errors  # noqa: F401  (registers the company error page)
from app.portal.blueprint import bp
from app.portal.cache import TOKEN_MARK, public_form, public_page
from app.portal.forms import ApplyForm
from app.screening import questions as screening
from app.security import csrf_token, current_locale, public


def _company(slug: str) -> Company:
    company = accounts.company_by_slug(slug)
    if company is None:
        abort(404)
    return company


def _open_job(slug: str, job_id: int) -> Job:
    """A job that takes applications (``Job.is_open``) with its company, in one query; an unknown
    company, or a draft, closed or past-deadline job, is a 404."""
    job = jobs.open_job_at(slug, job_id)
    if job is None:
        abort(404)
    return job


@bp.get("/")
@public
def home():
    return render_template("portal/home.html")


@bp.get("/favicon.ico")
@public
def favicon():
    """Browsers ask for /favicon.ico on their own (a JSON answer, a PDF, an old page): the
    same icon the layouts link, so no page logs a 404 for it."""
    response = current_app.send_static_file("favicon.svg")
    response.cache_control.max_age = 7 * 24 * 3600
    return response


@bp.get("/healthz")
@public
def healthz():
    from app.health import health

    return health()


@bp.get("/readyz")
@public
def readyz():
    from app.health import readiness

    return readiness()


@bp.get("/c/<slug>/")
@public
def careers(slug: str):
    stamp = public_stamp(slug)  # one narrow query; a 304 or a cached page needs no more
    if stamp is None:
        abort(404)

    wanted = search.CareersFilter.from_args(request.args)

    def render() -> str:
        company = _company(slug)
        rows = jobs.open_job_rows(company.id)
        return render_template("portal/careers.html", company=company, jobs=search.search(rows, wanted),
                               total=len(rows), facets=search.facets(rows), wanted=wanted)

    return public_page(stamp, None, render, variant=wanted.key)


@bp.get("/c/<slug>/jobs/<int:job_id>")
@public
def job(slug: str, job_id: int):
    stamp = public_stamp(slug)
    if stamp is None:
        abort(404)
    # A share link's code (?src=) goes on to the apply link only when it is one of this job's
    # active links (one narrow query, and only when a code came): the page with a code is its
    # own cache entry; any other code is the plain page, so no visitor can seed the cache with
    # pages for made-up codes nor see another's code.
    link = share_links.active_link(stamp[0], job_id, request.args.get("src")) if request.args.get("src") else None
    src = link.code if link is not None else None

    def render() -> str:
        job = _open_job(slug, job_id)
        posting = structured.job_posting(job, job.company, url=external_url("portal.job", slug=slug, job_id=job_id),
                                         careers_url=external_url("portal.careers", slug=slug))
        return render_template("portal/job.html", company=job.company, job=job, posting=posting, src=src)

    return public_page(stamp, job_id, render, variant=f"src={src}" if src else "")


@bp.get("/c/<slug>/brand.css")
@public
def company_brand(slug: str):
    """The company's colour as CSS custom properties: a stylesheet from Haku's own address,
    which the content security policy allows (no inline style); validated and cached like the
    careers page."""
    stamp = public_stamp(slug)
    if stamp is None:
        abort(404)

    def render() -> str:
        return render_template("portal/brand.css", company=_company(slug))

    return public_page(stamp, "brand.css", render, mimetype="text/css")


@bp.get("/c/<slug>/logo")
@public
def company_logo(slug: str):
    """The company's logo (PNG or JPEG, checked by its bytes when it was saved)."""
    stamp = public_stamp(slug)
    found = accounts.company_logo(slug) if stamp is not None else None
    if found is None:
        abort(404)
    data, kind = found
    response = current_app.response_class(data, mimetype=kind)
    response.set_etag(f"{stamp[0]}-{stamp[1]}")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response.make_conditional(request)


@bp.get("/c/<slug>/sitemap.xml")
@public
def sitemap(slug: str):
    """The careers site for search engines: the careers page and every open job."""
    return _open_jobs_document(slug, "portal/sitemap.xml", "sitemap", "application/xml")


@bp.get("/c/<slug>/jobs.atom")
@public
def jobs_feed(slug: str):
    """An Atom feed of the open jobs (newest first), for feed readers and aggregators."""
    return _open_jobs_document(slug, "portal/jobs_atom.xml", "atom", "application/atom+xml")


def _open_jobs_document(slug: str, template: str, kind: str, mimetype: str):
    """The company's open jobs as a document of their own, validated and cached as the careers
    page is (same version, same rules; absolute links from BASE_URL)."""
    stamp = public_stamp(slug)
    if stamp is None:
        abort(404)

    def render() -> str:
        company = _company(slug)
        return render_template(template, company=company, jobs=jobs.open_jobs(company.id), updated=stamp[2],
                               absolute=external_url)

    return public_page(stamp, kind, render, mimetype=mimetype)


@bp.route("/c/<slug>/jobs/<int:job_id>/apply", methods=["GET", "POST"])
@public
@limiter.limit("20/minute", methods=["POST"])
def apply(slug: str, job_id: int):
    if request.method == "GET" and not request.args.get("src"):  # a share link's form is rendered for it
        return _apply_form(slug, job_id)
    if request.method == "POST":  # with what the service needs of the job and the person, in the same statement
        found = applications.job_to_apply(slug, job_id, request.form.get("email"))
        if found is None:
            abort(404)
        job, reads = found
    else:
        job, reads = _open_job(slug, job_id), None
    company = job.company
    if request.method == "POST" and current_app.config.get("WTF_CSRF_ENABLED", True):
        # The form signs the session's token anew when it is built, for a page drawn only when
        # it comes back with errors: the token kept per session's raw token (``csrf_token``)
        # is taken first, so the form reuses it (the CSRF check already read the session).
        csrf_token()
    form = ApplyForm()  # the body is capped at APPLY_MAX_BYTES before CSRF reads it (app/request_limits.py)
    if request.method == "GET":  # the share link's code, from the job page's apply link (checked on POST)
        form.src.data = request.args.get("src", "")[:share_links.CODE_MAX]
    questions = screening.questions_of(job)
    answers, answer_errors = [], {}
    if request.method == "POST" and not request_limits.upload_too_large():
        # request.form/files (no WTForms): the job's own questions, checked by the screening feature
        answers, answer_errors = screening.parse_answers(questions, request.form, request.files,
                                                         current_app.config["CV_MAX_BYTES"])
    if form.validate_on_submit() and not answer_errors:
        upload = form.cv.data
        data = upload.read(current_app.config["CV_MAX_BYTES"] + 1)
        try:
            files.check_pdf(data, current_app.config["CV_MAX_BYTES"])
            applications.apply(job.id, company.slug, applications.CandidateData(
                given_names=form.given_names.data, family_name=form.family_name.data, email=form.email.data,
                phone=form.phone.data, locale=current_locale()), cover_letter=form.cover_letter.data or "",
                cv=(upload.filename or "cv.pdf", data), consent=form.consent.data, job=job,
                src=form.src.data, extra={"screening": answers}, reads=reads)
        except files.FileRejected as exc:
            form.cv.errors = [_translate_file_error(exc)]
        except applications.ApplicationError as exc:
            flash(str(exc), "error")
            return redirect(url_for("portal.job", slug=slug, job_id=job_id, src=form.src.data or None))
        else:
            # The same answer for a first and a repeated application (no "already applied"
            # oracle), and for one a knock-out question rejected: a repeat is noted on the
            # existing application by the service.
            # job_id, not job.id: the commit expired the job (reading it would be a query)
            return redirect(url_for("portal.applied", slug=slug, job_id=job_id), code=303)
    status = 422 if request.method == "POST" else 200
    if request_limits.upload_too_large():  # over the apply cap: the typed answers came back, the file did not
        for unknown in (f for f in form if f.name not in request.form):  # sent after the file: not wrong, unknown
            unknown.errors = []
        form.cv.errors = [_("The file is larger than %(mb)s MB. Please attach a smaller PDF; your other answers "
                            "are kept below.", mb=current_app.config["CV_MAX_BYTES"] // (1024 * 1024))]
        status = 413
    # The form carries this session's CSRF token: no browser or proxy may keep it (unlike
    # the careers and job pages, app/portal/cache.py).
    return render_template("portal/apply.html", company=company, job=job, form=form, questions=questions,
                           answer_errors=answer_errors, typed=request.form if request.method == "POST" else None), \
        status, {"Cache-Control": "private, no-store"}


def _apply_form(slug: str, job_id: int):
    """The empty apply form: the page kept per company version, language and day with a mark
    where the visitor's CSRF token goes (app/portal/cache.py), so a visit costs no statement
    and no render. The job's screening questions are part of the job (a change to them is a
    change to the job, which moves the company's version); a visitor who came through a share
    link (``?src=``) gets a form rendered for them, so no code ever sits in a kept page."""
    stamp = public_stamp(slug)
    if stamp is None:
        abort(404)

    def render() -> str:
        job = _open_job(slug, job_id)
        form = ApplyForm()
        if form.meta.csrf:  # off in most tests
            form.csrf_token.current_token = TOKEN_MARK
        return render_template("portal/apply.html", company=job.company, job=job, form=form,
                               questions=screening.questions_of(job), answer_errors={}, typed=None)

    # The form carries this session's CSRF token: no browser or proxy may keep it.
    return public_form(stamp, str(job_id), render), 200, {"Cache-Control": "private, no-store"}


def _translate_file_error(exc: files.FileRejected) -> str:
    if exc.code == "not_pdf":  # the apply form says what to attach instead
        return _("The file is not a PDF. Please attach your CV as a PDF.")
    return str(exc)


@bp.get("/c/<slug>/privacy")
@public
def privacy_notice(slug: str):
    """Haku's privacy notice for the company's applicants (the company may link its own
    instead): who keeps what, why, how long, and the candidate's rights. It shows the company
    row only: validated and cached as the careers page is."""
    stamp = public_stamp(slug)
    if stamp is None:
        abort(404)

    def render() -> str:
        return render_template("portal/privacy/notice.html", company=_company(slug))

    return public_page(stamp, "privacy", render)


@bp.get("/c/<slug>/jobs/<int:job_id>/applied")
@public
def applied(slug: str, job_id: int):
    """The thank-you page after an apply (the POST's redirect). It is the same for every
    visitor of the job (its company, the job's title, the language): kept like the apply form
    (``public_form``: per company version, language, job and day), so a candidate's visit costs
    no statement and no render (issue 15). Any job of the company, in any state; an unknown
    company or job is a 404, as before."""
    stamp = public_stamp(slug)
    if stamp is None:
        abort(404)

    def render() -> str:
        company = _company(slug)
        job = jobs.job_of(company.id, job_id)
        if job is None:
            abort(404)
        return render_template("portal/applied.html", company=company, job=job)

    return public_form(stamp, f"applied:{job_id}", render)

