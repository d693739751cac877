"""Seed the benchmark database fast: the services make companies, users and jobs (with
their stages); candidates and applications go in with COPY."""

from __future__ import annotations

import io
import os
import random
import uuid
from datetime import timedelta

from sqlalchemy import select

PASSWORD = "bench-password-2026"


def seed(app, per_company: dict[str, int], jobs_per_company: int = 100) -> dict:
    from app.accounts import services as accounts
    from app.accounts.models import User
    from app.clock import utcnow
    from app.extensions import db
    from app.jobs import services as jobs
    from app.jobs.models import Stage

    out = {}
    rng = random.Random(42)
    with app.app_context():
        for slug, count in per_company.items():
            company = accounts.create_company(name=f"Bench {slug}", slug=slug, admin_email=f"admin@{slug}.example.com",
                                              admin_name="Bench Admin", admin_password=PASSWORD)
            admin = db.session.scalar(select(User).where(User.company_id == company.id))
            job_ids = []
            for n in range(jobs_per_company):
                job = jobs.create_job(company.id, admin, {"title": f"Job {n} {slug}", "status": "published",
                                                          "description": "A job.\n\nWith a description.",
                                                          "location": "Helsinki"})
                job_ids.append(job.id)
            stages = {}
            for stage in db.session.scalars(select(Stage).where(Stage.company_id == company.id)):
                stages.setdefault(stage.job_id, []).append(stage.id)
            raw = db.session.connection().connection.driver_connection
            now = utcnow()
            cand = io.StringIO()
            with raw.cursor() as cur:
                cur.execute("SELECT coalesce(max(id), 0) FROM candidates")
                first_candidate = cur.fetchone()[0] + 1
                cur.execute("SELECT coalesce(max(id), 0) FROM applications")
                first_app = cur.fetchone()[0] + 1
            apps = io.StringIO()
            for i in range(count):
                cid = first_candidate + i
                email = f"cand{i}@{slug}.example.com"
                cand.write(f"{cid}\t{company.id}\tGiven{i}\tFamily{i}\t{email}\t{email}\t\\N\t\\N\ten\tf\t{now}\n")
                job_id = job_ids[i % len(job_ids)]
                stage_id = rng.choice(stages[job_id][:4])
                created = now - timedelta(minutes=i)
                apps.write(f"{first_app + i}\t{company.id}\t{uuid.uuid4()}\t{cid}\t{job_id}\t{stage_id}\tcareers\topen\t\\N\t"
                           f"Cover letter {i}\t\\N\t2026-11\t{created}\t\\N\t\\N\tf\t{created}\t{created}\t{created}\n")
            with raw.cursor() as cur:
                with cur.copy("COPY candidates (id, company_id, given_names, family_name, email, email_normalized, "
                              "phone, phone_normalized, locale, name_unverified, created_at) FROM STDIN") as copy:
                    copy.write(cand.getvalue())
                with cur.copy("COPY applications (id, company_id, ref, candidate_id, job_id, stage_id, source, status, "
                              "closed_at, cover_letter, cv_file_id, consent_text_version, consent_at, pending_reason, "
                              "pending_data, email_failed, created_at, updated_at, stage_entered_at) FROM STDIN") as copy:
                    copy.write(apps.getvalue())
                for table in ("candidates", "applications"):
                    cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                cur.execute("INSERT INTO timeline_events (company_id, application_id, kind, data, created_at) "
                            "SELECT company_id, id, 'applied', '{\"source\": \"careers\"}', created_at FROM applications "
                            "WHERE company_id = %s", (company.id,))
                # A stage history the reports (app/reports) read: every application entered each
                # normal stage up to its own, spread between its creation and now; one in 33 of
                # those in Offer was then hired, one in ten was rejected with a reason.
                cur.execute("INSERT INTO stage_entries (company_id, application_id, stage_id, cause, entered_at) "
                            "SELECT a.company_id, a.id, s.id, CASE WHEN s.position = 0 THEN 'apply' ELSE 'person' END, "
                            "a.created_at + (%s - a.created_at) * (s.position / 4.0) "
                            "FROM applications a JOIN stages cur ON cur.id = a.stage_id "
                            "JOIN stages s ON s.job_id = a.job_id AND s.position <= cur.position AND s.kind = 'normal' "
                            "WHERE a.company_id = %s", (now, company.id))
                for kind, where, at in (("hired", "cur.position = 3 AND a.id %% 33 = 0", 0.9),
                                        ("rejected", "cur.kind = 'normal' AND a.id %% 10 = 1", 0.95)):
                    cur.execute("INSERT INTO stage_entries (company_id, application_id, stage_id, from_stage_id, cause, "
                                "entered_at) SELECT a.company_id, a.id, s.id, a.stage_id, 'person', "
                                f"a.created_at + (%s - a.created_at) * {at} "
                                "FROM applications a JOIN stages cur ON cur.id = a.stage_id "
                                "JOIN stages s ON s.job_id = a.job_id AND s.kind = %s "
                                f"WHERE a.company_id = %s AND {where}", (now, kind, company.id))
                    cur.execute("UPDATE applications a SET stage_id = s.id, stage_entered_at = "
                                f"a.created_at + (%s - a.created_at) * {at} "
                                "FROM stages cur, stages s WHERE cur.id = a.stage_id AND s.job_id = a.job_id "
                                f"AND s.kind = %s AND a.company_id = %s AND {where}", (now, kind, company.id))
                cur.execute("UPDATE applications a SET status = 'closed', closed_at = stage_entered_at FROM stages s "
                            "WHERE s.id = a.stage_id AND s.kind IN ('hired', 'rejected') AND a.company_id = %s",
                            (company.id,))
                cur.execute("UPDATE applications a SET "
                            "rejected_at = stage_entered_at, rejection_reason_id = (SELECT r.id FROM rejection_reasons r "
                            "WHERE r.company_id = a.company_id AND r.position = a.id %% 6 LIMIT 1) "
                            "FROM stages s WHERE s.id = a.stage_id AND s.kind = 'rejected' AND a.company_id = %s",
                            (company.id,))
                # The dashboard's kept counts (app/applications/counts.py), as the migration fills them.
                cur.execute("DELETE FROM application_counts WHERE company_id = %s", (company.id,))
                cur.execute("INSERT INTO application_counts (company_id, job_id, stage_id, status, n) "
                            "SELECT company_id, COALESCE(job_id, 0), COALESCE(stage_id, 0), status, count(*) "
                            "FROM applications WHERE company_id = %s "
                            "GROUP BY company_id, COALESCE(job_id, 0), COALESCE(stage_id, 0), status", (company.id,))
                cur.execute("ANALYZE")
            raw.commit()
            if os.environ.get("BENCH_VACUUM"):
                # Production runs autovacuum, which sets the visibility map that index-only scans
                # need; the bench's server may have it off. Opt-in, so earlier runs compare.
                raw.autocommit = True
                raw.cursor().execute("VACUUM ANALYZE")
                raw.autocommit = False
            out[slug] = {"company_id": company.id, "jobs": job_ids, "first_app": first_app, "count": count}
    return out
