"""``POST /payments/callback/{provider}`` and ``…/{provider}/refund``: payment and refund callbacks (DESIGN §3.7).

No Authorization header: the provider's signature over the raw body is the
authentication, checked before any field is parsed (``flows/settlement``).
The body is bounded by ``MALL_MAX_REQUEST_BYTES`` (the BodyLimit middleware
answers 413 past it). Not rate-limited: every refused callback costs one
signature check and no write, and a limit would delay the provider's real
retries. The settlement runs to completion even if the caller hangs up.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mall.core.errors import SandboxDisabled
from mall.flows import refunds, settlement
from mall.infra.transactions import run_to_completion
from mall.payments.errors import ProviderNotConfigured
from mall.payments.providers.base import ProviderKind

PREFIX = "/payments/callback/"
PATH = PREFIX + "{provider}"
REFUND_PATH = PATH + "/refund"
_KINDS = {kind.value.lower(): kind for kind in ProviderKind}


async def payment_callback(request: Request) -> Response:
    kind = _KINDS.get(request.path_params["provider"].lower())
    if kind is None:
        return _not_here()
    body = await request.body()
    try:
        receipt = await run_to_completion(settlement.receive_payment_callback(kind, request.headers, body))
    except (ProviderNotConfigured, SandboxDisabled):
        return _not_here()
    answer = receipt.answer
    headers = {"content-type": answer.content_type} if answer.content_type else None
    return Response(answer.body, status_code=answer.status, headers=headers)


async def refund_callback(request: Request) -> Response:
    """A provider's refund notice, verified the same way; it settles the refund it names, once."""
    kind = _KINDS.get(request.path_params["provider"].lower())
    if kind is None:
        return _not_here()
    body = await request.body()
    try:
        receipt = await run_to_completion(refunds.receive_refund_callback(kind, request.headers, body))
    except (ProviderNotConfigured, SandboxDisabled):
        return _not_here()
    answer = receipt.answer
    headers = {"content-type": answer.content_type} if answer.content_type else None
    return Response(answer.body, status_code=answer.status, headers=headers)


def _not_here() -> Response:
    return JSONResponse({"code": "NOT_FOUND", "message": "No such payment provider here."}, status_code=404)
