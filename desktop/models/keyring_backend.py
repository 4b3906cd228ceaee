"""Is there an OS keyring we may trust with secrets? One answer for tokens and data keys."""

from __future__ import annotations

__all__ = ["secure_keyring"]


def secure_keyring() -> bool:
    """True when a real, secure backend is configured: not the 'fail' or null backends, and
    not a keyrings.alt file backend (secrets in a file are what we promise not to do)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # any import/config error means: no keyring here
        return False
    return _secure_backend(backend)


def _secure_backend(backend: object) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return False
    if type(backend).__module__.startswith("keyrings.alt.file"):
        return False  # PlaintextKeyring / EncryptedKeyring: a file in the home folder
    if isinstance(backend, chainer.ChainerBackend):
        return all(_secure_backend(b) for b in backend.backends)
    return True
