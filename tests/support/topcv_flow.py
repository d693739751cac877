"""TopCV end to end over real HTTP: the sandbox, the live app and a real worker, driven by ``Flow``."""

from __future__ import annotations

import requests
from sqlalchemy import func, select

from app.boards import services
from app.boards.models import Posting
from app.extensions import db
from app.partners.models import PartnerDelivery
from tests.support.processes import partner_env, run_worker, wait_for


class Flow:
    def __init__(self, app, make, topcv, test_env, live):
        self.app, self.topcv, self.test_env, self.live = app, topcv, test_env, live
        self.http = requests.Session()
        self.http.post(f"{topcv.base}/control/reset", json={}, timeout=10)
        self.company = make.company()
        self.company.job_boards_enabled = True
        db.session.commit()
        self.admin = make.admin_of(self.company)
        self.job = make.job(self.company, title="Kỹ sư dữ liệu", location="Hồ Chí Minh")
        self.employer = self.control("employers", {"name": self.company.name, "email": "hr@example.vn"})

    def control(self, path: str, body: dict | None = None) -> dict:
        resp = self.http.post(f"{self.topcv.base}/control/{path}", json=body or {}, timeout=10)
        assert resp.status_code < 300, resp.text
        return resp.json()

    def switches(self, **values) -> None:
        self.control("switches", values)

    def connect(self):
        integration = services.save_keys(self.company.id, self.admin, self.employer["access_token"],
                                         self.employer["secret_key"])
        self.control("employers", {"access_token": self.employer["access_token"],
                                   "secret_key": self.employer["secret_key"], "name": self.employer["name"],
                                   "email": self.employer["email"], "webhook_url": services.webhook_url(integration)})
        return integration

    def work(self) -> None:
        """Run burst workers until the queues are empty (a retried job is requeued as the
        burst worker ends, so one burst may leave work behind)."""
        from app.background import get_queue

        for _ in range(10):
            run_worker(partner_env(self.test_env, self.app))
            if not any(get_queue(name).count for name in ("boards", "emails", "default", "emrex")):
                break
        db.session.expire_all()

    def post_job(self) -> Posting:
        form = services.posting_defaults(self.job, self.admin)
        form.update(level="junior", deadline="2099-01-31", city="Hồ Chí Minh", description="Xây dựng kho dữ liệu.")
        return services.create_posting(self.job, self.admin, form)

    def inbound(self, n: int, type_: str | None = None) -> None:
        """Wait until ``n`` inbound events (of a type) are stored, then let the worker run."""
        where = [PartnerDelivery.direction == "in"] + ([PartnerDelivery.type == type_] if type_ else [])
        wait_for(lambda: db.session.scalar(select(func.count()).select_from(PartnerDelivery).where(*where)) >= n,
                 timeout=30, message=f"{n} inbound {type_ or ''} events")
        self.work()
