"""``python -m sandboxes.topcv``: run the TopCV sandbox as its own process."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from . import DEFAULT_PORT, DEFAULT_RETRY_BASE, SeedError, Settings, check_employer, create_app


def employer_arg(value: str) -> dict:
    try:
        return check_employer(json.loads(value))
    except (json.JSONDecodeError, SeedError) as exc:
        raise argparse.ArgumentTypeError(f"bad --seed-employer: {exc}") from None


def positive(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandboxes.topcv", description="TopCV job board sandbox")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--public-url", help="base URL of job pages and resume files (default http://HOST:PORT)")
    parser.add_argument("--data-dir", default="instance/topcv-sandbox", type=Path,
                        help="where the SQLite state lives (created on first start)")
    parser.add_argument("--seed-employer", action="append", type=employer_arg, default=[], metavar="JSON",
                        help='upsert an employer by access_token at start, e.g. \'{"name": "Acme", "email": '
                             '"hr@acme.vn", "access_token": "...", "secret_key": "...", "webhook_url": "..."}\' '
                             "(repeatable)")
    parser.add_argument("--retry-base", type=positive, default=DEFAULT_RETRY_BASE,
                        help="first webhook retry delay in seconds, doubled each time (default %(default)s)")
    args = parser.parse_args(argv)

    public_url = (args.public_url or f"http://{args.host}:{args.port}").rstrip("/")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s topcv-sandbox %(levelname)s %(message)s")
    app = create_app(Settings(data_dir=args.data_dir, public_url=public_url, seed_employers=args.seed_employer,
                              retry_base=args.retry_base))
    app.logger.info("TopCV sandbox on %s (point Haku at it with TOPCV_API_URL=%s)", public_url, public_url)
    app.run(host=args.host, port=args.port, threaded=True, use_reloader=False, debug=False)


if __name__ == "__main__":
    main()
