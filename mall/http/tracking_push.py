"""``POST /logistics/push/{provider}``: tracking providers' pushes (DESIGN §3.7).

The body is bounded by ``BodyLimit`` (MALL_MAX_REQUEST_BYTES) before it is
read; the provider verifies it before anything in it is parsed; recording
runs to completion even if the provider hangs up meanwhile. The answer is the
provider's: Kuaidi100's ``{"result":true,"returnCode":"200","message":"成功"}``,
or ``result: false`` with 400 (not believed), 404 (no such provider, or no
shipment with that number) so that it retries or gives up as it does.
"""

from __future__ import annotations

import json
import logging

from starlette.requests import Request
from starlette.responses import Response

from mall.core.errors import NotFound, SandboxDisabled
from mall.flows import tracking
from mall.infra.transactions import run_to_completion
from mall.logistics.errors import PushRejected
from mall.logistics.providers import tracking_provider
from mall.logistics.providers.base import TrackingProviderKind

PREFIX = "/logistics/push/"
PATH = PREFIX + "{provider}"
KINDS = {kind.value.lower(): kind for kind in TrackingProviderKind}

log = logging.getLogger(__name__)


async def tracking_push(request: Request) -> Response:
    """Verify and record one push; answer in the provider's format."""
    kind = KINDS.get(request.path_params["provider"])
    if kind is None:
        return _no_provider("No such tracking provider.")
    try:
        provider = tracking_provider(kind)
    except SandboxDisabled as exc:
        return _no_provider(exc.message)
    raw = await request.body()
    try:
        await run_to_completion(tracking.receive_push(kind, headers=request.headers, body=raw))
    except PushRejected as exc:
        log.warning("tracking push refused (%s): %s", kind.value, exc.message)
        answer = provider.refuse(exc.message, status=400)
    except NotFound as exc:
        log.warning("tracking push for an unknown parcel (%s): %s", kind.value, exc.message)
        answer = provider.refuse(exc.message, status=404)
    else:
        answer = provider.acknowledge()
    return Response(answer.body, status_code=answer.status, media_type=answer.content_type)


def _no_provider(message: str) -> Response:
    body = json.dumps({"result": False, "returnCode": "404", "message": message}, ensure_ascii=False)
    return Response(body, status_code=404, media_type="application/json; charset=utf-8")
