"""What search engines and feed readers read about open jobs: schema.org ``JobPosting``
(JSON-LD on every job page, the fields Google for Jobs uses), and the entries of the
careers site's sitemap and Atom feed.

Built from the job and its company only (no request), so the job page's cache keeps it with
the page. The description is the ad's sanitised HTML (app/markdown.py), which is what
Google asks for; the JSON is escaped for a ``<script>`` data block by the template
(``|tojson``).
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from app.markdown import render

#: Haku's employment types → schema.org ``employmentType``.
EMPLOYMENT_TYPES = {"full_time": "FULL_TIME", "part_time": "PART_TIME", "contract": "CONTRACTOR",
                    "temporary": "TEMPORARY", "internship": "INTERN"}
#: Haku's salary periods → schema.org ``QuantitativeValue.unitText``.
SALARY_UNITS = {"hour": "HOUR", "month": "MONTH", "year": "YEAR"}


def _end_of_day(day, time_zone: str | None) -> str:
    """The deadline day's last minute in the company's time zone, as ISO 8601 with offset."""
    try:
        zone = ZoneInfo(time_zone or "UTC")
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.combine(day, time(23, 59), tzinfo=zone).isoformat()


def job_posting(job, company, *, url: str, careers_url: str) -> dict:
    """The schema.org ``JobPosting`` of an open job."""
    data: dict = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": str(render(job.description)) or f"<p>{job.title}</p>",
        "datePosted": job.created_at.date().isoformat(),
        "employmentType": EMPLOYMENT_TYPES.get(job.employment_type, "OTHER"),
        "hiringOrganization": {"@type": "Organization", "name": company.name, "sameAs": careers_url},
        "identifier": {"@type": "PropertyValue", "name": company.name, "value": str(job.id)},
        "directApply": True,
        "url": url,
    }
    if job.deadline:
        data["validThrough"] = _end_of_day(job.deadline, company.timezone)
    country = getattr(company, "country", None)
    address = {"@type": "PostalAddress"}
    if job.location:
        address["addressLocality"] = job.location
    if country:
        address["addressCountry"] = country
    if len(address) > 1:
        data["jobLocation"] = {"@type": "Place", "address": address}
    if job.workplace == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        if country:  # Google asks where a remote job's applicants may live
            data["applicantLocationRequirements"] = {"@type": "Country", "name": country}
    if job.salary_min or job.salary_max:
        value: dict = {"@type": "QuantitativeValue", "unitText": SALARY_UNITS.get(job.salary_period, "MONTH")}
        if job.salary_min and job.salary_max:
            value.update(minValue=job.salary_min, maxValue=job.salary_max)
        else:
            value["value"] = job.salary_min or job.salary_max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": job.salary_currency, "value": value}
    if job.department:
        data["occupationalCategory"] = job.department
    return data
