"""Candidate pages of data rights: "Your data" asks for an export link by email; the link
opens a confirmation page whose button downloads the ZIP. No login; usable without JS."""

from __future__ import annotations

import io

from flask import render_template, request, send_file

from app.extensions import limiter
from app.portal.blueprint import bp
from app.portal.forms import DownloadForm, YourDataForm
from app.privacy import services
from app.security import current_locale, public


@bp.route("/your-data", methods=["GET", "POST"])
@public
@limiter.limit("5/hour;20/day", methods=["POST"])
def your_data():
    form = YourDataForm()
    if form.validate_on_submit():
        services.request_export(form.email.data, locale=current_locale())
        # The same answer whether or not the address is known (no account enumeration).
        return render_template("portal/privacy/your_data_sent.html")
    return render_template("portal/privacy/your_data.html", form=form), 422 if request.method == "POST" else 200


@bp.route("/your-data/d/<token>", methods=["GET", "POST"])
@public
@limiter.limit("20/hour", methods=["POST"])
def your_data_download(token: str):
    form = DownloadForm()
    if services.export_request_for(token) is None:
        return render_template("portal/privacy/link_invalid.html"), 404
    if request.method == "POST" and form.validate_on_submit():
        try:
            data = services.download_export(token)
        except services.PrivacyError:
            return render_template("portal/privacy/link_invalid.html"), 404
        response = send_file(io.BytesIO(data), mimetype="application/zip", as_attachment=True,
                             download_name="your-data.zip", max_age=0)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
    return render_template("portal/privacy/download.html", form=form)
