"""``python -m sandboxes.assessment_vendor``: run the Alva Labs sandbox as its own process."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from . import DEFAULT_PORT, Settings, SpecError, create_app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandboxes.assessment_vendor",
                                     description="Assessment vendor (Alva Labs) sandbox")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--public-url", help="base URL of candidate and report links (default http://HOST:PORT)")
    parser.add_argument("--data-dir", default="instance/vendor-sandbox", type=Path,
                        help="holds vendor.sqlite3 (created on first start)")
    parser.add_argument("--seed-account", action="append", default=[], type=json.loads, metavar="JSON",
                        help='upsert an account at start: {"name", "product", "api_key", '
                             '"connection": {"haku_url", "external_id", "signing_secret"}} (repeatable)')
    parser.add_argument("--retry-base", type=float, default=2.0, help="first callback retry delay in seconds")
    args = parser.parse_args(argv)

    public_url = (args.public_url or f"http://{args.host}:{args.port}").rstrip("/")
    try:
        app = create_app(Settings(data_dir=args.data_dir, public_url=public_url, retry_base=args.retry_base,
                                  seed_accounts=args.seed_account))
    except SpecError as exc:
        parser.error(f"--seed-account: {exc}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s vendor-sandbox %(levelname)s %(message)s")
    app.logger.info("Alva Labs sandbox on %s (ASSESSMENT_VENDOR_URL=%s)", public_url, public_url)
    app.run(host=args.host, port=args.port, threaded=True, use_reloader=False, debug=False)


if __name__ == "__main__":
    main()
