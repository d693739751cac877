"""Signing keys and self-signed certificates of the sandbox contact points.

Generated with ``cryptography`` on first start and kept in ``<data-dir>/keys/`` (never
committed). Per contact point:

- ``<slug>.key.pem`` / ``<slug>.cert.pem``: the current key and a certificate valid for ten
  years;
- ``<slug>.expired.cert.pem``: a certificate over the *same* key that expired long ago (the
  ``expired_cert`` switch signs with it; for contact points configured as expired it is also
  the registry certificate);
- ``<slug>.previous.key.pem`` / ``<slug>.previous.cert.pem`` for contact points with key
  rotation: the older of the two registry certificates.

``rogue.key.pem`` is a key that is in no registry (the ``wrong_key`` switch); its certificates
copy the subject of the contact point they impersonate.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

KEY_BITS = 2048
EXPIRED_NOT_BEFORE = dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
EXPIRED_NOT_AFTER = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Credential:
    """A private key with the certificate that goes into ``KeyInfo``."""

    key_pem: bytes
    cert_pem: bytes

    @property
    def cert(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem)

    @property
    def cert_der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def expired(self) -> bool:
        return self.cert.not_valid_after_utc < dt.datetime.now(dt.UTC)


def _subject(country: str, organisation: str, common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "EMREX contact point (sandbox)"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _self_signed(key: rsa.RSAPrivateKey, subject: x509.Name, not_before: dt.datetime,
                 not_after: dt.datetime) -> bytes:
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def _write(path: Path, data: bytes, private: bool = False) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    if private:
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _load_or_create_key(path: Path) -> rsa.RSAPrivateKey:
    if path.is_file():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    _write(path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()), private=True)
    return key


def _pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class KeyStore:
    """Loads (or creates) every credential at start-up; read-only afterwards."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._current: dict[str, Credential] = {}
        self._expired: dict[str, Credential] = {}
        self._previous: dict[str, Credential] = {}
        self._rogue_key = _load_or_create_key(self.directory / "rogue.key.pem")
        self._rogue: dict[str, Credential] = {}
        self._lock = threading.Lock()

    def ensure(self, slug: str, country: str, organisation: str, rotation: bool) -> None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        subject = _subject(country, organisation, f"EMREX EMP {organisation}")
        key = _load_or_create_key(self.directory / f"{slug}.key.pem")
        self._current[slug] = self._cert(slug, "cert", key, subject, now - dt.timedelta(days=1),
                                         now + dt.timedelta(days=3650))
        self._expired[slug] = self._cert(slug, "expired.cert", key, subject, EXPIRED_NOT_BEFORE,
                                         EXPIRED_NOT_AFTER)
        if rotation:
            old = _load_or_create_key(self.directory / f"{slug}.previous.key.pem")
            self._previous[slug] = self._cert(slug, "previous.cert", old, subject,
                                              now - dt.timedelta(days=400), now + dt.timedelta(days=330))

    def _cert(self, slug: str, name: str, key, subject, not_before, not_after) -> Credential:
        path = self.directory / f"{slug}.{name}.pem"
        if path.is_file():
            cert = x509.load_pem_x509_certificate(path.read_bytes())
            if cert.public_key().public_numbers() == key.public_key().public_numbers():
                return Credential(_pem(key), path.read_bytes())
        pem = _self_signed(key, subject, not_before, not_after)
        _write(path, pem)
        return Credential(_pem(key), pem)

    def current(self, slug: str) -> Credential:
        return self._current[slug]

    def expired(self, slug: str) -> Credential:
        return self._expired[slug]

    def previous(self, slug: str) -> Credential | None:
        return self._previous.get(slug)

    def rogue(self, slug: str) -> Credential:
        """A credential whose certificate names the contact point but whose key is unknown."""
        with self._lock:
            if slug not in self._rogue:
                subject = self._current[slug].cert.subject
                now = dt.datetime.now(dt.UTC).replace(microsecond=0)
                pem = _self_signed(self._rogue_key, subject, now - dt.timedelta(days=1),
                                   now + dt.timedelta(days=365))
                self._rogue[slug] = Credential(_pem(self._rogue_key), pem)
            return self._rogue[slug]
