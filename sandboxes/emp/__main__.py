"""``python -m sandboxes.emp``: run the EMP sandbox as its own process."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from . import DEFAULT_EXPIRED, DEFAULT_PORT, Settings, create_app, parse_expired


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandboxes.emp", description="EMREX contact point (EMP) sandbox")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--public-url", help="base URL published in the registry (default http://HOST:PORT)")
    parser.add_argument("--data-dir", default="instance/emp-sandbox", type=Path,
                        help="keys, certificates and the cookie secret (created on first start)")
    parser.add_argument("--allow-http-return", action="store_true",
                        help="accept http:// returnUrl values (development and tests only)")
    parser.add_argument("--expired-emp", default=",".join(DEFAULT_EXPIRED),
                        help="contact points whose registry certificate is expired, comma-separated, or 'none' "
                             "(default: %(default)s)")
    args = parser.parse_args(argv)

    public_url = (args.public_url or f"http://{args.host}:{args.port}").rstrip("/")
    app = create_app(Settings(data_dir=args.data_dir, public_url=public_url,
                              allow_http_return=args.allow_http_return,
                              expired=parse_expired(args.expired_emp)))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s emp-sandbox %(levelname)s %(message)s")
    app.logger.info("EMP sandbox on %s (registry %s/registry/emp-list.json)", public_url, public_url)
    app.run(host=args.host, port=args.port, threaded=True, use_reloader=False, debug=False)


if __name__ == "__main__":
    main()
