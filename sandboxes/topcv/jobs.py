"""Job postings: validation like a real board, the public status, and the API representation."""

from __future__ import annotations

import datetime as dt
import json
import re

EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "internship", "temporary")
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")  # TopCV's deadlines run to the end of the day in Vietnam
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


class Invalid(ValueError):
    """A posting that TopCV refuses; ``field`` is the dotted JSON path."""

    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def today() -> dt.date:
    return dt.datetime.now(VIETNAM).date()


def _object(body: dict, key: str) -> dict:
    value = body.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Invalid(key, f"{key} must be an object.")
    return value


def _text(obj: dict, key: str, prefix: str = "", required: bool = False, max_len: int = 200) -> str | None:
    field = prefix + key
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Invalid(field, f"{field} is required.")
        return None
    if not isinstance(value, str):
        raise Invalid(field, f"{field} must be a string.")
    if len(value) > max_len:
        raise Invalid(field, f"{field} is longer than {max_len} characters.")
    return value.strip()


def _number(obj: dict, key: str, prefix: str) -> int | float | None:
    field = prefix + key
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise Invalid(field, f"{field} must be a non-negative number.")
    return int(value) if float(value).is_integer() else value


def _deadline(value) -> str:
    if value is None or value == "":
        raise Invalid("deadline", "deadline is required.")
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise Invalid("deadline", "deadline must be a date in the form YYYY-MM-DD.")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid("deadline", "deadline is not a valid calendar date.") from None
    if date < today():
        raise Invalid("deadline", "deadline must be in the future.")
    return value


def validate(body) -> dict:
    """The normalised posting, or ``Invalid`` for the first problem found."""
    if not isinstance(body, dict):
        raise Invalid(None, "The request body must be a JSON object.")
    location, salary, contact = _object(body, "location"), _object(body, "salary"), _object(body, "contact")
    job = {
        "title": _text(body, "title", required=True),
        "description": _text(body, "description", required=True, max_len=20000),
        "requirements": _text(body, "requirements", max_len=20000),
        "benefits": _text(body, "benefits", max_len=20000),
        "location": {"city": _text(location, "city", "location.", required=True, max_len=100),
                     "country": _text(location, "country", "location.", max_len=100)},
        "salary": {"min": _number(salary, "min", "salary."), "max": _number(salary, "max", "salary."),
                   "currency": _text(salary, "currency", "salary.", max_len=3), "negotiable": salary.get("negotiable")},
        "employment_type": body.get("employment_type"),
        "level": None,
        "deadline": None,
        "quantity": body.get("quantity"),
        "contact": {"name": _text(contact, "name", "contact."), "email": None,
                    "phone": _text(contact, "phone", "contact.", max_len=40)},
        "external_job_id": _text(body, "external_job_id"),
    }
    pay = job["salary"]
    if pay["currency"] is not None and not CURRENCY_RE.match(pay["currency"]):
        raise Invalid("salary.currency", "salary.currency must be a three-letter code such as VND or USD.")
    if pay["negotiable"] is not None and not isinstance(pay["negotiable"], bool):
        raise Invalid("salary.negotiable", "salary.negotiable must be true, false or null.")
    if pay["min"] is not None and pay["max"] is not None and pay["min"] > pay["max"]:
        raise Invalid("salary.min", "salary.min must not be greater than salary.max.")
    if job["employment_type"] is None or job["employment_type"] == "":
        raise Invalid("employment_type", "employment_type is required.")
    if job["employment_type"] not in EMPLOYMENT_TYPES:
        raise Invalid("employment_type", f"employment_type must be one of {', '.join(EMPLOYMENT_TYPES)}.")
    job["level"] = _text(body, "level", required=True, max_len=100)
    job["deadline"] = _deadline(body.get("deadline"))
    quantity = job["quantity"]
    if quantity is not None and (isinstance(quantity, bool) or not isinstance(quantity, int)
                                 or not 1 <= quantity <= 1000):
        raise Invalid("quantity", "quantity must be a whole number from 1 to 1000.")
    email = _text(contact, "email", "contact.", required=True)
    if not EMAIL_RE.match(email):
        raise Invalid("contact.email", "contact.email is not a valid email address.")
    job["contact"]["email"] = email
    return job


def status(row) -> str:
    """The status the board shows: a posting past its deadline is expired unless it was closed."""
    if row["status"] != "closed" and json.loads(row["body"])["deadline"] < today().isoformat():
        return "expired"
    return row["status"]


def as_json(row, board_job_id: str, public_url: str) -> dict:
    body = json.loads(row["body"])
    return {"board_job_id": board_job_id, **body, "status": status(row), "reject_reason": row["reject_reason"],
            "applications_count": row["applications_count"], "url": f"{public_url}/jobs/{board_job_id}",
            "created_at": row["created_at"], "updated_at": row["updated_at"]}
