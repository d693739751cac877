"""The response a contact point posts back through the browser (PROTOCOL.md §4)."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field

from .catalog import ContactPoint
from .elmo import build_legacy, build_v1, selected_count
from .schema import validate
from .signing import encode_elmo, serialise, sign, tamper
from .switches import Effective

log = logging.getLogger("emp-sandbox")

OUTCOME_SUFFIX = {"ok": "OK", "none": "NO_RESULTS", "cancel": "CANCEL", "error": "ERROR"}


@dataclass
class Reply:
    outcome: str
    fields: list[tuple[str, str]]
    return_code: str
    details: dict = field(default_factory=dict)

    def field(self, name: str) -> str | None:
        return next((v for k, v in self.fields if k == name), None)


def build_reply(sandbox, cp: ContactPoint, flow: dict, outcome: str, selected: set[str],
                eff: Effective) -> Reply:
    """Build the form fields for ``outcome`` (ok / none / cancel) under the switches ``eff``."""
    session_id = secrets.token_hex(16) if eff.on("wrong_session_id") else flow["sid"]
    message, elmo = "", ""
    details: dict = {"modes": sorted(eff.modes)}
    if outcome == "ok":
        try:
            if eff.on("internal_error"):
                raise RuntimeError("the student register did not answer in time (sandbox switch internal_error)")
            learner = dict(flow["learner"])
            learner["citizenship"] = cp.learner.get("citizenship")
            if eff.on("learner_mismatch"):
                learner = dict(cp.other_learner)
            legacy = eff.on("legacy_namespace") or eff.on("legacy_namespace_unsigned")
            if legacy:
                root = build_legacy(cp, selected, learner)
            else:
                root = build_v1(cp, selected, learner, big_pdf_mb=eff.big_pdf_mb if eff.on("big_pdf") else 0)
            if sandbox.settings.self_check and not legacy:
                errors = validate(root)
                if errors:
                    log.error("generated ELMO is not valid against v1.7: %s", "; ".join(errors[:5]))
                details["schema_valid"] = not errors
            signed = not (eff.on("unsigned") or eff.on("legacy_namespace_unsigned"))
            if signed:
                credential = sandbox.signing_credential(cp, eff)
                algorithm = eff.signature or cp.algorithm
                sign(root, credential, algorithm, cp.transform)
                details.update(algorithm=algorithm, certificate=credential.cert.subject.rfc4514_string(),
                               certificate_expired=credential.expired)
            xml = serialise(root)
            if eff.on("tamper_after_signing"):
                xml = tamper(xml, cp.country)
            elmo = encode_elmo(xml)
            results, reports = selected_count(cp, selected)
            details.update(signed=signed, xml_bytes=len(xml), elmo_chars=len(elmo), results=results,
                           reports=reports, namespace="legacy purl" if legacy else "v1.7")
        except Exception as exc:  # the contact point reports its own failures as NCP_ERROR
            log.exception("building the ELMO failed")
            outcome = "error"
            message = f"The contact point could not create your transcript: {exc}"
            elmo = ""
    code = f"{eff.code_family}_{OUTCOME_SUFFIX[outcome]}"
    if eff.return_code:
        code = eff.return_code
    fields = [("sessionId", session_id), ("returnCode", code)]
    if "returnMessage" not in eff.omit_fields:
        fields.append(("returnMessage", message))
    if "elmo" not in eff.omit_fields:
        fields.append(("elmo", elmo))
    details["message"] = message
    log.info("reply from %s: outcome=%s returnCode=%s elmo=%d chars modes=%s", cp.slug, outcome, code,
             len(elmo), ",".join(sorted(eff.modes)) or "-")
    return Reply(outcome=outcome, fields=fields, return_code=code, details=details)
